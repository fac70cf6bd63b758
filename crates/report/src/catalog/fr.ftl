# Les messages français de qualif. Chaque message est aussi dans en.ftl, avec les mêmes
# paramètres (les tests le vérifient). Un message indexé par une valeur des données
# (custody-reclusion, procedure-indictment, currency-EUR) porte les mots du système
# juridique qui emploie cette valeur : en ajouter un quand les données gagnent une valeur.

## Nombres, durées et peines

number-group-separator = {"\u202F"}
law-applied = Droit appliqué tel qu'en vigueur le
date-long = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }
term-life = à perpétuité
term-none = pas d'emprisonnement
term-unknown = durée non confirmée
term-years = { $years ->
        [one] { $years } an
       *[other] { $years } ans
    }
term-years-less-a-day = { $years ->
        [one] { $years } an
       *[other] { $years } ans
    } moins un jour
term-years-months = { $years ->
        [one] { $years } an
       *[other] { $years } ans
    } et { $months } mois
term-months = { $months } mois
term-days = { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
term-and-days = { $term } et { $days }
fine-unknown = amende non confirmée
fine-amount-symbol = { $amount } { $symbol }
fine-amount-code = { $amount } { $currency }
currency-EUR = €
currency-GBP = £
custody-other = d'emprisonnement
custody-imprisonment = d'emprisonnement
custody-emprisonnement = d'emprisonnement
custody-reclusion = de réclusion criminelle
custody-detention = de détention criminelle
penalty-unconfirmed = peine d'emprisonnement non confirmée
penalty-unconfirmed-reclusion = peine de réclusion non confirmée
penalty-unconfirmed-detention = peine de détention non confirmée
procedure-indictment = par mise en accusation
procedure-summary = par procédure sommaire
penalty-life = réclusion criminelle à perpétuité
penalty-range = { $min } à { $max } { $custody }
penalty-term = { $term } { $custody }
penalty-minimum = minimum { $term } ({ $status })
penalty-with-minimum = { $penalty }, { $minimum }
penalty-fine-range = une amende de { $min } à { $max }
penalty-fine-max = { $max } d'amende
penalty-and = { $first } et { $second }
minimum-in-force = peine minimale obligatoire en vigueur
minimum-struck-down = peine minimale invalidée
minimum-repealed = peine minimale abrogée
minimum-contested = peine minimale jugée inconstitutionnelle par certaines juridictions
status-applies = applicable
status-possible = possible
status-excluded = exclue
element-met = établi
element-unmet = non établi
element-unknown = inconnu
element-met-presumed = établi (présumé)
element-unmet-presumed = non établi (présumé)
value-yes = oui
value-no = non
presumed-mark = (présumé)
presumptions-heading = Présumé, non indiqué
presumption-line = { $fact } : { $value } — présumé, car { $note } ; une réponse dans le dossier l'emporte
list-or = {" ou "}

## Constats du moteur

law-date-requested = le droit en vigueur le { $date } est appliqué, comme demandé (--date)
law-date-today = le dossier ne donne pas la date des faits : le droit en vigueur aujourd'hui ({ $date }) est appliqué
warning-not-in-force = cette disposition n'est pas en vigueur : seul existe un texte en attente ou non confirmé
warning-no-data-for-date = { $provision } : les données ne contiennent aucune version de cette disposition avant le { $first } et ne disent pas que l'infraction a été créée à cette date : le droit en vigueur le { $date } n'est pas encodé, on ignore donc si ces faits constituaient alors une infraction — vérifier le droit de l'époque
warning-unverified = { $provision } : la version appliquée n'est pas vérifiée — la contrôler dans le texte officiel avant de s'y fier
warning-secondary-only = { $provision } : la version appliquée ne repose que sur des sources secondaires
warning-penalty-not-confirmed = { $provision } : la peine n'est pas confirmée par les sources
warning-alternative = { $provision } : cette disposition ou { $others } s'applique — tous les autres éléments sont établis ; laquelle dépend des faits encore manquants
element-in-force-on = en vigueur à la date retenue ({ $date })
element-no-data-on = infraction au titre de cette disposition à la date retenue ({ $date }) : aucune donnée avant le { $first }
limitation-rule-depends-on-facts = l'application de { $citation } ({ $label }) dépend de faits non indiqués
limitation-no-rule = aucune règle de prescription pour cette disposition dans les données
limitation-no-date-of-facts = pas de date des faits : la prescription ne peut être calculée
limitation-no-regime = { $citation } : aucun régime dans les données pour des faits du { $facts }
limitation-start-needs-victim-age = l'âge ou la date de naissance de la victime est nécessaire pour savoir quand le délai commence à courir
limitation-beyond-last-date = le délai courrait au-delà du 9999-12-31, dernière date que ce programme traite : non calculé
limitation-barred-before-regime-unknown = savoir si les faits étaient déjà prescrits à l'entrée en vigueur du régime du { $date } dépend de la date de naissance exacte de la victime
limitation-interruptions-ignored = les interruptions et suspensions (actes d'enquête ou de poursuite) ne sont pas prises en compte
number-decimal-separator = ,
threshold-age_of_consent = âge de la majorité sexuelle

## Disparités entre systèmes

disparity-no-penalty = aucune peine
disparity-not-criminalised = { $conduct } : infraction dans { $system } au titre de { $provision }, mais { $why }.
disparity-not-covered = aucune infraction de { $system } dans les données de qualif ne couvre ce comportement
disparity-excluded-offences = dans { $system }, les infractions visant ce comportement sont exclues sur ces faits : { $excluded }
disparity-penalty-gap = { $conduct } : jusqu'à { $higher } dans { $higher_system } au titre de { $higher_provision }, contre { $lower } dans { $lower_system } au titre de { $lower_provision } ({ $factor }).
disparity-factor = un facteur de { $factor }
disparity-life-against-term = perpétuité contre une peine à temps
disparity-unverified = { $conduct } : la comparaison pour { $system } repose sur { $provision }, dont le texte ou la peine n'est pas vérifié — le contrôler avant de s'y fier.
disparity-obligation-not-covered = { $instrument } impose d'incriminer ce comportement ({ $obligation }), et aucune infraction de { $state } dans les données de qualif ne le couvre (vérifier si c'est la loi ou seulement les données qui en manquent).
disparity-obligation-excluded = { $instrument } impose d'incriminer ce comportement ({ $obligation }), mais aucune infraction de { $state } ne s'applique à ces faits (exclues : { $excluded }).
disparity-maximum-below-floor = { $instrument } impose un maximum d'au moins { $floor } ({ $obligation }), mais { $state } prévoit { $maximum } au titre de { $provision }.
disparity-age-threshold = L'enfant a { $age ->
        [one] { $age } an
       *[other] { $age } ans
    } : sous le seuil « { $threshold } » dans { $below }, mais pas dans { $above } ; les mêmes faits y sont donc traités différemment.
disparity-time-barred = À la date de l'évaluation, les poursuites sont encore possibles dans { $open } ({ $open_provision }), mais prescrites dans { $barred } ({ $barred_rule }).
disparity-reach = { $can } peut poursuivre ces faits, mais aucun chef de compétence de { $cannot } n'est établi sur eux.
disparity-reach-ground = { $can } peut poursuivre ces faits ({ $citation } : { $ground }), mais aucun chef de compétence de { $cannot } n'est établi sur eux.

## Barèmes de peines

community-order-low = peine communautaire (community order) de niveau faible
community-order-medium = peine communautaire (community order) de niveau moyen
community-order-high = peine communautaire (community order) de niveau élevé
sentence-weeks = { $weeks ->
        [one] { $weeks } semaine d'emprisonnement
       *[other] { $weeks } semaines d'emprisonnement
    }
sentence-years = { $years ->
        [one] { $years } an d'emprisonnement
       *[other] { $years } ans d'emprisonnement
    }
sentence-term = { $term } d'emprisonnement
guideline-status-outside = { $status } — ne s'applique pas à cet auteur
guideline-status-scope = { $status } — { $scope }

## src/report/assess_text.rs src/report/compare_text.rs src/report/scale_text.rs

assess-unverified = ⚠ NON VÉRIFIÉ
assess-secondary-sources-only = sources secondaires seulement
assess-verified-official-text = vérifié (texte officiel)
assess-aggravated = aggravée
assess-up-to = jusqu'à
assess-if-established = si établi
assess-milder-later-law-from = loi postérieure plus douce depuis le
assess-version-in-force-from = version en vigueur depuis le
assess-sources-conflict-on-this-penalty = les sources divergent sur cette peine
assess-apply = applicables
assess-possible = possibles
assess-excluded = exclues
assess-status = Statut
assess-provision = Disposition
assess-penalty = Peine
assess-elements = Éléments
assess-still-to-establish = Reste à établir
assess-or-else = sinon
assess-others-excluded = autres dispositions sont exclues sur ces faits (--all les liste avec l'élément qui les exclut).
disclaimer = Aide à la décision, pas un avis juridique : vérifiez chaque qualification dans les textes officiels.
assess-qualification-of-the-facts = Qualification des faits
assess-id = Identifiant
assess-verification = Vérification
assess-sources = Sources
compare-not-covered = — non couvert
compare-excluded = exclue
compare-floor-at-least = plancher : au moins
compare-max = max.
compare-conduct = Comportement
compare-disparities = Disparités
compare-cross-border-comparison = Comparaison entre systèmes
scale-category-not-determined = non déterminée
scale-role-not-determined = non déterminé
scale-category = Catégorie
scale-role = Rôle
scale-category-lower = catégorie
scale-still-possible = reste possible : un fait qui en décide est inconnu
scale-role-lower = rôle
scale-starting-point = Point de départ
scale-range = Fourchette
scale-cell-verification = Vérification de la case
scale-no-starting-point = Pas de point de départ : la catégorie ou le rôle n'est pas déterminé par les faits donnés.
scale-no-guideline-covers = Aucun guide de détermination de la peine des données ne couvre les agissements retenus pour ce cas : aucun barème n'est présenté.
scale-nothing-retained-yet = Aucun système ne retient encore de qualification certaine : un barème s'affiche dès que les faits établissent un comportement qu'il sanctionne.
scale-coverage-possible = ce guide ne couvre les agissements retenus pour ce cas que selon un fait encore inconnu
scale-coverage-label = Champ d'application
scale-statutory-maximum = Maximum légal
scale-aggravating = Aggravants
scale-mitigating = Atténuants
scale-to-consider = à examiner
scale-supported-by-the-facts = établi par les faits
scale-possible = possible
scale-proposed-or-imposed-sentence = Peine proposée ou prononcée :
scale-guideline-range = fourchette du guide
scale-real-outcomes = Décisions réelles pour des faits comparables (exemples, pas des règles)
scale-verdict = décision
scale-prosecution-request = RÉQUISITIONS, pas une décision
disclaimer-short = Aide à la décision, pas un avis juridique.
compare-min = min.
compare-no-offence-anywhere = Aucune infraction n'est applicable ni possible sur ces faits, dans aucun système.
compare-no-disparity = aucune : ces faits sont traités de la même façon dans les systèmes comparés.
compare-no-disparity-capital = Aucune : ces faits sont traités de la même façon dans les systèmes comparés.
assess-no-offence = Aucune infraction n'est applicable ni possible sur ces faits.
severity-major = MAJEURE
severity-warning = attention
severity-info = info
# Les types de disparité.
kind-not-criminalised = non incriminé
kind-penalty-gap = écart de peines
kind-below-minimum-standard = en deçà de la norme minimale
kind-age-threshold = seuil d'âge
kind-limitation = prescription
kind-jurisdiction-reach = compétence
kind-unverified-law = droit non vérifié
minimum-short-in-force = en vigueur
minimum-short-struck-down = invalidée
minimum-short-repealed = abrogée
minimum-short-contested = contestée
# Les niveaux de vérification.
verification-unverified = non vérifié
verification-verified-secondary = vérifié (sources secondaires)
verification-verified-primary = vérifié (texte officiel)
placement-below-range = en dessous de la fourchette
placement-within-range = dans la fourchette
placement-above-range = au-dessus de la fourchette
placement-above-maximum = au-dessus du maximum légal
placement-within-maximum = dans le maximum légal
scale-ratio = { $ratio } × le point de départ
scale-bar-range = fourch.
scale-one-of-two-alternatives = l'une de deux qualifications alternatives
scale-marker-legend = ▼ = la peine

## law list, law show

law-list-system = { $name } ({ $id }) — { $provisions ->
        [one] { $provisions } disposition
       *[other] { $provisions } dispositions
    }, { $file }
law-column-id = Identifiant
law-column-citation = Référence
law-column-title = Intitulé
law-column-versions = Versions
law-column-current-penalty = Peine actuelle
law-column-verification = Vérification
law-official-short-name = Intitulé officiel abrégé
law-system = Système
law-conduct-classes = Catégories de comportement
law-attempt = Tentative
law-note = Note
law-version = Version
law-version-pending = EN ATTENTE, PAS EN VIGUEUR
law-version-in-force = en vigueur
law-penalty = Peine
law-other-reading = Autre lecture
law-elements = Éléments
law-aggravation = Circonstance aggravante
law-source = Source
law-last-verified = Dernière vérification
law-file = Fichier
law-kind-national = national
law-kind-international = international
law-system-heading = { $name } ({ $id }) — { $kind }, { $provisions ->
        [one] { $provisions } disposition
       *[other] { $provisions } dispositions
    }
law-binds = Lie { $state } depuis le { $from } [{ $verification }]

## src/tui/view.rs src/tui/answer.rs src/tui/mod.rs src/tui/recovery.rs src/tui/update.rs src/tui/terminal.rs src/tui/state.rs

tui-window-too-small-enlarge-it = Fenêtre trop petite : agrandissez-la.
tui-new-case = nouveau dossier
tui-no-question-left-can-change = Plus aucune question ne peut changer les qualifications.
tui-f-review-or-change-any = f : revoir ou modifier une réponse · s : enregistrer le dossier · q : quitter
tui-yyyy-mm-dd = AAAA-MM-JJ
tui-at-least-hint = Tapez le nombre, ou ↓ puis Entrée pour « { $word } ».
tui-country-code-e-g-fr = code pays, ex. FR
tui-codes-e-g-fr-be = codes, ex. FR, BE
tui-chosen-from-the-fact-list = choisi dans la liste des faits ; la réponse ne change aucune qualification en l'état.
tui-period-first-after-last = Le premier acte ({ $first }) est postérieur au dernier ({ $last }) : tapez la période sous la forme premier acte..dernier acte, la date la plus ancienne d'abord.
tui-provision = Texte
tui-text = Texte
tui-penalties = Peines
tui-chart = Peines
tui-disparities = Disparités
tui-disp = Disp.
tui-life = perp.
tui-no-legal-system-loaded = Aucun système juridique chargé.
tui-no-provision-applies-or-is = Aucune infraction n'est encore applicable ni possible.
tui-none-applies-yet = — aucune applicable pour l'instant
tui-no-disparity-between-the-systems = Aucune disparité entre les systèmes sur ces faits pour l'instant.
tui-sentencing-scale-no-official-guideline = Barème : aucun guide officiel dans les données.
tui-not-criminalised = non incriminé
tui-penalty-gap = écart de peine
tui-below-minimum-standard = sous le standard minimal
tui-age-threshold = seuil d'âge
tui-limitation = prescription
tui-jurisdiction = compétence
tui-unverified-law = droit non vérifié
tui-not-official = NON OFFICIEL
tui-sym = ?
tui-category = catégorie
tui-no-starting-point-yet-category = pas encore de point de départ (catégorie ou rôle non déterminé)
tui-still-possible-with-unknown-facts = encore possible (faits inconnus) : catégorie
tui-recovery-file = Fichier de secours
tui-search = Chercher :
tui-don-t-know = ne sait pas
tui-markdown-or-html-json-by = Markdown, ou HTML / JSON selon l'extension (.html, .json).
tui-the-case-file-format-read = Le format lu par `qualif assess`.
tui-file = Fichier :
tui-a-new-case = un nouveau dossier
tui-an-interview-was-interrupted = Un entretien a été interrompu.
tui-removed-when-you-quit = (effacé quand vous quittez)
tui-in = dans
tui-from-the-first-answer = dès la première réponse
tui-none-answers-are-lost-if = aucun : réponses perdues en cas d'interruption ; enregistrez avec s
tui-answer-yes = Oui
tui-answer-no = Non
tui-answer-none-of-these = Aucun de ceux-ci
tui-answer-i-don-t-know = Je ne sais pas
tui-answer-yes-2 = oui
tui-answer-no-2 = non
tui-answer-none = aucun
tui-answer-type-an-answer-or-choose = Tapez une réponse, ou choisissez « Je ne sais pas » (↓ puis Entrée, ou u).
tui-answer-choose-one-of-the-answers = Choisissez l'une des réponses.
tui-mod-the-interrupted-interview-was-discarded = L'entretien interrompu a été abandonné.
tui-recovery-no-recovery-file-neither-xdg = Pas de fichier de secours : ni XDG_STATE_HOME ni HOME n'est défini, les réponses sont perdues si l'entretien est interrompu. Enregistrez-les avec s.
tui-update-no-answer-to-take-back = Aucune réponse à reprendre.
tui-update-no-question-is-left-f = Plus aucune question : f pour revoir ou modifier une réponse, s pour enregistrer.
tui-interview = Entretien
tui-why = Pourquoi :
tui-decides = décide
tui-decides-prosecution = si l’État peut poursuivre — { $system } ({ $rule })
tui-decides-ground = un titre de compétence — { $system } ({ $rule })
tui-decides-limitation = la règle de prescription applicable ({ $systems })
tui-decides-retained = la qualification retenue — { $systems }
tui-decides-retained-penalty = la peine de la qualification retenue — { $systems }
tui-decides-scale = le barème « { $scale } » : { $parts }
tui-scale-category = catégorie
tui-scale-role = rôle
tui-scale-starting-point = point de départ
tui-scale-factor = facteur « { $factor } »
tui-penalty = (peine)
tui-qualifications-applies-possible-verification = Qualifications  ● applicable ○ possible · ✓ ~ ! vérification
tui-qualifications = Qualifications
tui-provision-2 = Texte
tui-penalty-2 = Peine :
tui-up-to-if-aggravations-are = Jusqu'à, si des circonstances aggravantes sont établies :
tui-to-establish = À établir :
tui-maximum-penalty-leading-applicable-offence = Maximum certain, qualification retenue
tui-disparities-and-sentencing-scale = Disparités et barème
tui-keys-any-key-closes = Touches (une touche pour fermer)
tui-facts-type-to-search-enter = Faits : tapez pour chercher · ↑↓ · Entrée pour répondre · Échap
tui-resume = Reprendre ?
tui-quit = Quitter ?
tui-together-with = , avec « { $arg0 } »
tui-and-more = et { $more } autre(s)
tui-y = a
tui-apply-possible = { $arg0 } — { $applies } applicable(s), { $arg2 } possible(s)
tui-milder-law-since = Loi plus douce depuis le { $arg0 } : { $arg1 }
tui-interviews-were-interrupted = { $n } entretiens ont été interrompus.
tui-a-whole-number-is-expected = Un nombre entier{ $arg0 } est attendu.
tui-a-number-is-expected = Un nombre{ $arg0 } est attendu.
tui-is-not-a-date-write = « { $t } » n'est pas une date : écrivez AAAA-MM-JJ, par exemple 2023-05-10.
tui-at-most-characters = Au plus { $max_input_chars } caractères.
tui-is-not-a-two-letter = « { $c } » n'est pas un code pays ISO à deux lettres (FR, BE, CA, PH…).
tui-this-birth-date-gives-at = Cette date de naissance donne { $computed } ans à la date des faits, mais l'âge indiqué est { $age } : corrigez l'un des deux.
tui-the-birth-date-given-gives = La date de naissance indiquée ({ $birth }) donne { $computed } ans à la date des faits.
tui-cannot-write-the-recovery-file = Sauvegarde de secours impossible : { $e }
tui-interview-resumed-answer-s = Entretien repris : { $n } réponse(s).
tui-the-interrupted-interview-was-discarded = L'entretien interrompu a été abandonné ; il en reste { $left }.
tui-interrupted-interview-s-kept-offered = { $n } entretien(s) interrompu(s) gardé(s), proposé(s) au prochain lancement.
tui-saved-to = Enregistré dans { $path }
tui-opened = Ouvert : { $path }
tui-report-written-to = Rapport écrit dans { $path }
tui-header = qualif · { $case }{ $dirty } · { $answered } réponse(s) · droit au { $law } · FR · ? aide
tui-footer = Entrée répondre · u ne sais pas · b retour · f faits · ? aide · q quitter · l English · s enregistrer · o ouvrir
tui-footer-letters = Entrée répondre · Ctrl-U ne sais pas · Ctrl-B retour · Ctrl-F faits · F1 aide · Ctrl-Q quitter · Ctrl-L English
tui-footer-short = Entrée répond · u inconnu · b retour · ? aide · q quitter · f faits · l EN
tui-footer-letters-short = Entrée répondre · Ctrl-U ne sais pas · Ctrl-B retour · F1 aide · Ctrl-Q quitter
tui-enter-again = Entrée à nouveau répond « { $choice } » ; ↑↓ pour un autre choix
tui-help-shift-arrows = Maj-↑↓
tui-help-scroll-question = faire défiler une question plus longue que son cadre
tui-question-more = ↓ suite : Maj-↓
tui-bounds-from-to = de { $from } à { $to }
tui-bounds-from = à partir de { $from }
tui-bounds-up-to = jusqu'à { $to }
tui-other-interrupted-kept = { $left } autre(s) entretien(s) interrompu(s) gardé(s), proposé(s) au prochain lancement.
tui-save-title = Enregistrer le dossier · Entrée · Échap
tui-open-title = Ouvrir un dossier · Entrée · Échap
tui-export-title = Exporter le rapport · Entrée · Échap
tui-offer-when = { $n } réponse(s), sur { $case }, { $when }
tui-offer = { $n } réponse(s), sur { $case }
tui-resume-one-yes = o / Entrée : le reprendre
tui-resume-discard = n : l'abandonner (ses réponses sont effacées)
tui-resume-one-later = Échap : pas maintenant (il sera proposé au prochain lancement)
tui-resume-many-yes = ↑ ↓ : choisir · o / Entrée : le reprendre
tui-resume-many-later = Échap : pas maintenant (ils seront proposés au prochain lancement)
tui-quit-unsaved = Les réponses ne sont pas enregistrées dans un dossier.
tui-quit-keys = o : quitter sans enregistrer · s : enregistrer · Échap : rester
tui-help-enter = Entrée
tui-help-answer-with-the-highlighted-choice = répondre par le choix en surbrillance (la 1re Entrée le désigne)
tui-help-move-between-the-answers = passer d'une réponse à l'autre
tui-help-pick-an-answer-yes-no = choisir une réponse ; oui / non
tui-help-space = Espace
tui-help-tick-a-value-questions-with = cocher une valeur (questions à plusieurs réponses)
tui-help-i-don-t-know-the = je ne sais pas : le fait reste inconnu
tui-help-go-back-take-back-the = retour : reprendre la dernière réponse
tui-help-facts-jump-to-any-fact = faits : aller à un fait, modifier une réponse
tui-help-select-the-previous-next-provision = texte précédent / suivant
tui-help-next-panel-small-windows = panneau suivant (petites fenêtres)
tui-help-fran-ais-english = français / English
tui-help-save-the-case-file = enregistrer le dossier
tui-help-open-a-case-file = ouvrir un dossier
tui-help-export-the-written-report-markdown = exporter le rapport (Markdown, HTML, JSON)
tui-help-this-help = cette aide
tui-help-esc = Échap
tui-help-close-a-window-clear-the = fermer une fenêtre ; effacer la saisie
tui-help-quit = quitter
tui-help-stop-at-once-the-answers = arrêter tout de suite ; les réponses sont gardées
tui-help-country-and-text-answers-take = Les réponses en lettres (pays, texte) : utilisez les touches Ctrl.
tui-help-applies-possible = applicable / possible
tui-help-verified-official-text-secondary-sources = vérifié (texte officiel) / sources secondaires / non vérifié
tui-needs-a-terminal = l'entretien guidé a besoin d'un terminal ; pour qualifier un dossier sans terminal, utilisez `qualif assess DOSSIER` (voir `qualif --help`)
tui-interrupted-kept = entretien interrompu : les réponses sont gardées dans { $path } ; lancez `qualif` pour le reprendre

## Commandes

command-unknown-system-in-systems = système inconnu `{ $system }` dans --systems ; acceptés : { $accepted }
command-unknown-system = système inconnu `{ $system }` ; acceptés : { $accepted }
command-no-provision-or-system = aucune disposition ni aucun système `{ $id }` ; `qualif law list` donne les identifiants
command-no-official-guideline = aucun barème officiel de peines dans les données (guidelines/*.toml)
command-validate-ok = ok : { $systems } systèmes ({ $ids }), { $provisions } dispositions, { $versions } versions ({ $unverified } non vérifiées, { $secondary } sur sources secondaires seulement), { $limitations } règles de prescription et { $jurisdictions } de compétence, { $scales } barèmes de peines et { $cases } décisions de référence, { $facts } faits, { $conduct } classes de comportements
command-validate-problems = { $count } problème(s) trouvé(s)
command-batch-counts = { $records } enregistrements : { $evaluated } évalués, { $rejected } rejetés
command-batch-head-by = par
command-batch-head-group = groupe
command-batch-head-cases = affaires
command-batch-head-sentenced = condamnées
command-batch-head-share = part du maximum : n
command-batch-head-starting = ÷ point de départ : n
command-batch-head-median = médiane

## La qualification retenue (la conclusion d'une analyse)
retained-heading = Retenu
retained-nothing-certain = aucune qualification n'est certaine en l'état des faits
retained-possible = possible : { $provision } ({ $penalty })
retained-unless = sauf si { $provisions } est établi
retained-up-to = jusqu'à { $penalty } au titre de { $provision } selon les faits restant à établir
retained-cumulative = retenu aussi, faits distincts
retained-same-conduct = les mêmes faits que { $provision }, non retenu séparément
retained-absorbed = absorbé par { $provision }
retained-prosecution = Poursuites
retained-can-prosecute = l'État peut poursuivre ({ $grounds })
retained-cannot-prosecute = aucun chef de compétence n'est établi par ces faits
retained-prosecution-unknown = la compétence de l'État dépend de faits non précisés
retained-never-barred = imprescriptible
retained-barred-after = prescrit après le { $date }
retained-barred-since = prescrit : le délai a expiré le { $date }
retained-barred-between = prescrit après une date comprise entre le { $from } et le { $to }, selon les dates exactes
retained-limitation-unknown = prescription non calculée (voir les notes)
compare-retained-row = Retenu (maximum certain)
compare-nothing-retained = rien de certain

## L'explorateur de seuils (qualif explore)
explore-unknown-fact = `{ $fact }` n'est pas un fait du vocabulaire : écrivez --vary section.clé=PLAGE, par exemple victim.age=8..17
explore-derived-fact = `{ $fact }` se déduit d'autres faits : faites varier l'un d'eux (par exemple victim.age ou offender.age)
explore-bad-range = `{ $spec }` n'est pas une plage de { $fact } : écrivez DE..À pour un nombre entier (par exemple victim.age=8..17, ou 14..60/2 par pas de 2, dans les bornes du fait), DE..À pour une date (par exemple case.date_of_facts=2019-01-01..2026-12-31), rien ou des valeurs séparées par des virgules pour un choix ou vrai/faux
explore-too-many = une échelle compte au plus { $max } lignes : prenez une plage plus courte ou un pas (DE..À/PAS)
explore-unsupported-type = { $fact } ne peut pas varier : seulement un nombre entier, une date, un choix ou un fait vrai/faux
explore-title = Comment la réponse change avec { $fact } ({ $key })
explore-replaced = La donnée { $birth } du dossier est écartée : le fait { $fact } que l'on fait varier la remplace.
explore-thresholds-heading = Seuils (tirés des conditions de la loi, chacun vérifié des deux côtés) :
explore-no-threshold = aucune réponse ne change sur cette plage
explore-evaluated = { $rows } lignes ; { $points } valeurs évaluées (chaque constante à laquelle la loi compare le fait, et de part et d'autre).
explore-threshold = { $system } — à { $at } : { $changes }
explore-change-applies = { $provision } s'applique
explore-change-no-longer-applies = { $provision } ne s'applique plus
explore-change-retained = retenue : { $from } → { $to }
explore-change-penalty = { $provision } : { $from } → { $to }
explore-change-version = { $provision } : version en vigueur à partir du { $date }
explore-change-floor = plancher international : { $from } → { $to }
explore-nothing-certain = rien de certain
explore-no-penalty = peine non indiquée
explore-cell-max = max. { $max }
explore-cell-max-min = max. { $max }, min. { $min }
explore-cell-possible = rien de certain ({ $provision } possible)
explore-cell-nothing = rien ne s'applique
explore-cell-floor = plancher : { $status }
explore-floor-met = respecté
explore-floor-not-met = NON respecté
explore-floor-undecided = indécis
explore-floor-not-engaged = aucun en jeu
explore-floor-not-bound = non lié
explore-chart-title = Peine maximale retenue dans chaque système selon { $fact }
explore-chart-legend = Ligne : le maximum de la qualification retenue · point et nom : la qualification ou sa peine change · interruption : rien de certain
explore-change-possible = { $provision } devient possible
explore-change-excluded = { $provision } est exclue
explore-cell-max-min-status = max. { $max }, min. { $min } ({ $status })
ladder-age-title = Comment la réponse change avec l'âge de l'enfant
ladder-age-intro = Les mêmes faits, l'enfant ayant un autre âge (le dossier indique { $age } ans) : dans chaque système, la qualification retenue, son maximum et son minimum, et le principal plancher international.
ladder-gap-title = Comment la réponse change avec l'écart d'âge
ladder-gap-intro = Une règle de proximité d'âge est en jeu : les mêmes faits, l'aîné ayant un autre âge (l'enfant a { $age } ans, le dossier indique { $offender } ans) ; à partir d'âges en années entières, l'écart n'est connu qu'à un an près.
ladder-thresholds = Où la réponse change (tiré des conditions de la loi) :
tui-ladder-title = Comment la réponse change avec l'âge de l'enfant (une touche pour fermer)
tui-ladder-no-age = L'âge de l'enfant n'est pas encore connu : répondez-y, et l'échelle montre comment la réponse de chaque système change avec lui.
tui-ladder-intro = Les réponses données, l'enfant ayant un autre âge (indiqué : { $age } ans) ; ▶ marque l'âge indiqué.

## The written report (document/)

doc-charts-no-offence-applies-or-remains = aucune infraction applicable ni possible
doc-facts-between = entre
doc-facts-and = et
# A whole number known only from below, when its fact declares no word for it.
value-at-least = au moins { $n }
doc-unclassified = non classées
doc-limitation-interruptions-and-suspensions-acts = Prescription : les actes interruptifs et les causes de suspension (actes d'enquête ou de poursuite) ne sont pas pris en compte.
doc-qualification-in-force-from = en vigueur du
doc-qualification-to = au
doc-limitation-barred = PRESCRIT ({ $when })
doc-limitation-open = non prescrit au { $today } ({ $when })
doc-limitation-depends = prescrit ou non selon la date de naissance exacte ({ $when })
doc-limitation-ended-on = le délai a expiré le { $date }
doc-limitation-ended-between = le délai a expiré à une date comprise entre le { $from } et le { $to }, selon les dates exactes
doc-limitation-bars-after = prescrit après le { $date }
doc-limitation-bars-between = prescrit après une date comprise entre le { $from } et le { $to }, selon les dates exactes
doc-limitation-ends-on = le délai expire le { $date }
doc-limitation-ends-between = le délai expire à une date comprise entre le { $from } et le { $to }
doc-qualification-date-withheld-in-this-redacted = date masquée dans ce rapport anonymisé : elle découle de la date de naissance de l'enfant
doc-qualification-cannot-be-computed-from-the = ne peut être calculée à partir des données et des faits fournis
doc-qualification-not-time-barred-imprescriptible = non prescrit : imprescriptible
doc-qualification-limitation-regime-of = régime de prescription du
doc-qualification-yes-on = oui, au titre de :
doc-qualification-no-ground-of-jurisdiction-holds = aucun chef de compétence n'est établi sur ces faits
doc-qualification-unknown-no-jurisdiction-rule-in = inconnu : aucune règle de compétence dans les données pour cette disposition
doc-qualification-unknown-depends-on-facts-not = inconnu : dépend de faits non renseignés
doc-qualification-the-sources-conflict-on-this = les sources divergent sur cette peine ; la lecture retenue est appliquée, les autres sont indiquées
doc-scale-not-an-official-guideline-a = CE N'EST PAS UN GUIDE OFFICIEL — une proposition, présentée pour la discussion seulement
doc-scale-category = catégorie
doc-scale-role = rôle
doc-scale-to-consider = à examiner
doc-scale-supported-by-the-facts = établi par les faits
doc-scale-possible = possible
doc-scale-verdict = décision
doc-scale-prosecution-request-not-a-verdict = RÉQUISITIONS, pas une décision
doc-scale-not-confirmed = non confirmé
doc-scale-cannot-be-placed-the-maximum = ne peut être située : le maximum n'est pas confirmé
doc-system-mandatory-in-force = obligatoire, en vigueur
doc-system-struck-down = invalidée
doc-system-repealed = abrogée
doc-system-contested = contestée
doc-system-not-covered = non couvert
doc-chart-y = a
doc-chart-maximum-and-minimum-penalties-of = Peines maximales et minimales de la qualification principale dans chaque système
doc-chart-applies = applicable
doc-chart-possible-only = seulement possible
doc-chart-another-provision-s-maximum-is = le maximum d'une autre disposition n'est pas confirmé
doc-chart-bar-0-to-the-maximum = Barre : de 0 au maximum · trait épais : le minimum · barre en pointillé : infraction seulement possible · flèche : perpétuité
doc-chart-guideline-range-starting-point-and = Fourchette du barème, point de départ et peine
doc-chart-not-official = non officiel
doc-chart-guideline-range = Fourchette
doc-chart-range = fourchette
doc-chart-sentence = peine
doc-chart-sentence-label = peine :
doc-chart-beyond-the-scale = hors échelle
doc-chart-beyond-the-scale-of-the = au-delà de l'échelle du graphique, dessinée à son extrémité
doc-annex-met-not-met-unknown-depends = ✓ établi, ✗ non établi, ? inconnu (dépend d'un fait non renseigné). Possible : aucun élément n'est exclu, mais au moins un dépend d'un fait non renseigné ; une qualification possible n'est pas un chef de poursuite.
doc-annex-penalty = Peine
doc-annex-elements = Éléments
doc-annex-alternative-to = alternative à
doc-annex-also-possible-but-none-of = Également possibles, mais aucun de leurs éléments n'est établi par les faits
doc-annex-gives-way-to-a-principal = s'efface devant une infraction principale applicable
doc-annex-excluded-on-these-facts = Exclues sur ces faits
doc-closing-none = Aucun.
doc-closing-the-addresses-are-given-as = Les adresses sont données sous forme de texte, à ouvrir par le lecteur ; ce fichier ne charge rien.
doc-closing-sources-last-verified-on = Sources vérifiées en dernier le
doc-closing-unless-another-date-follows-the = , sauf autre date après l'adresse. Les dispositions citent leurs sources par numéro ; le rapport JSON indique qui cite chacune.
doc-closing-produced-by = Produit par
doc-closing-redacted-report = rapport anonymisé
doc-comparison-no-offence-applies-or-remains = Aucune infraction n'est applicable ni possible sur ces faits, dans aucun système.
doc-comparison-disparities = Disparités
doc-comparison-none-these-facts-are-treated = Aucune : ces faits sont traités de la même façon dans les systèmes comparés.
doc-comparison-each-cell-the-status-the = Chaque case : le statut, le maximum (pour un instrument : le maximum minimal exigé, « au moins »), le minimum et la disposition retenue.
doc-comparison-each-cell-the-status-then = Chaque case : le statut, puis le maximum (pour un instrument : le maximum minimal exigé), le minimum et la disposition.
doc-comparison-conduct = Comportement
doc-comparison-at-least = au moins
doc-comparison-severity = Gravité
doc-comparison-kind = Nature
doc-comparison-what-differs = Ce qui diffère
doc-facts-facts-as-established = Faits établis
doc-facts-no-fact-is-stated = Aucun fait n'est renseigné.
doc-facts-topic = Rubrique
doc-facts-value = Valeur
doc-facts-none-every-qualification-is-decided = Aucun : chaque qualification est tranchée par les faits fournis.
doc-facts-a-fact-not-stated-is = Un fait non renseigné est inconnu, jamais « non ». Établir ces faits trancherait les qualifications et circonstances aggravantes indiquées.
doc-facts-would-decide-the-qualification = Trancherait la qualification
doc-facts-would-decide-an-aggravation-of = Trancherait une aggravation de
doc-facts-fact-case-file-key = Fait (clé du dossier)
doc-facts-case-file-key = Clé du dossier
doc-international-an-instrument-does-not-punish = Un instrument ne punit pas : il oblige les États liés à incriminer un comportement, avec au moins le maximum indiqué.
doc-international-no-international-instrument-in-the = Aucun instrument international dans les données.
doc-international-none-of-the-national-systems = Aucun des systèmes nationaux de ce rapport n'y est lié à la date du droit appliqué.
doc-international-binding-on = Lie
doc-international-since = depuis le
doc-international-no-obligation-is-engaged-by = Aucune obligation n'est en jeu sur ces faits.
doc-international-obligation-engaged = Obligation en jeu
doc-international-maximum-the-state-must-provide = Maximum que l'État doit prévoir, au moins
doc-international-still-possible-depending-on-facts = Encore possibles, selon des faits non renseignés
doc-international-read-for = Lu pour
doc-international-applies = applicables :
doc-international-possible = possibles :
doc-international-shortfall = Manquement
doc-limitation-the-limitation-and-the-jurisdiction = La prescription et la compétence de chaque qualification applicable sont données avec elle à la section 3 (le rapport JSON les donne aussi pour les qualifications encore possibles). Les actes interruptifs et causes de suspension de la prescription ne sont pas pris en compte. Les chefs de compétence de chaque système :
doc-limitation-grounds-of-jurisdiction-that-hold = Chefs de compétence établis ou possibles
doc-limitation-holds = établi
doc-limitation-depends-on-facts-not-stated = dépend de faits non renseignés
doc-limitation-double-criminality-required = double incrimination exigée
doc-contents = Sommaire
doc-redacted-report-qualif = Rapport anonymisé — qualif
doc-qualification-report-qualif = Rapport de qualification — qualif
doc-summary = Synthèse
doc-the-facts = Les faits
doc-qualifications-by-legal-system = Qualifications par système juridique
doc-international-obligations-engaged = Obligations internationales en jeu
doc-comparison-across-systems = Comparaison entre systèmes
doc-sentencing-scale = Barème indicatif des peines
doc-limitation-and-jurisdiction = Prescription et compétence
doc-what-this-report-is-and = Ce qu'est ce rapport, et ce qu'il n'est pas
doc-elements-of-each-provision = Éléments de chaque disposition
doc-facts-still-unknown-that-matter = Faits encore inconnus qui comptent
doc-verification-warnings = Avertissements de vérification
doc-annex = Annexe
doc-written-report = rapport écrit
doc-report-on-the-qualification-of = Rapport de qualification des faits
doc-redacted-report-the-case-title = RAPPORT ANONYMISÉ : l'intitulé du dossier, les notes, les champs de texte libre et les champs identifiants (dates de naissance) ont été retirés. Les âges et les pays sont conservés.
doc-removed = Retirés
doc-case = Dossier
doc-date-of-the-facts = Date des faits
doc-limitation-assessed-on = Prescription appréciée au
doc-report-produced-on = Rapport produit le
doc-notes = Notes
doc-decision-support-not-legal-advice = Aide à la décision, pas un avis juridique.
doc-check-every-qualification-against-the = Vérifiez chaque qualification dans les textes officiels avant de l'invoquer ; les dispositions marquées ⚠ ne sont pas vérifiées ou reposent sur des sources secondaires (annexe C). Un fait non renseigné est inconnu, jamais « non ».
doc-decision-support-see-section = Aide à la décision, pas un avis juridique : vérifiez chaque qualification dans les textes officiels (voir la section 8).
doc-qualification-applies-every-other-element-is = s'applique : tous les autres éléments sont établis ; les faits manquants décident laquelle.
doc-qualification-met = établi(s)
doc-qualification-either-this-provision-or = Soit cette disposition, soit
doc-qualification-id = Identifiant
doc-qualification-version-applied = Version appliquée
doc-qualification-base-penalty-before-aggravations = peine de base, avant aggravation
doc-qualification-if-established = Si établies
doc-qualification-the-possible-aggravations-raise-it = les aggravations possibles la portent jusqu'à
doc-qualification-if-the-possible-aggravations-are = Si les aggravations possibles sont établies, jusqu'à
doc-qualification-milder-later-law = Loi plus douce
doc-qualification-milder-later-law-in-force = Loi postérieure plus douce, en vigueur depuis le
doc-qualification-pending-reform = Réforme en attente
doc-qualification-not-applied-from = non appliquée ; à compter du
doc-qualification-pending-reform-not-applied = Réforme en attente, non appliquée
doc-qualification-from = à compter du
doc-qualification-other-reading = Autre lecture
doc-qualification-other-reading-of-the-penalty = Autre lecture de la peine (sources divergentes)
doc-qualification-sets-the-penalty-applied = fixe la peine appliquée
doc-qualification-superseded-by-a-more-severe = absorbée par une aggravation plus sévère
doc-qualification-aggravation = Circonstance aggravante
doc-qualification-aggravations = Aggravations
doc-qualification-still-to-establish = Reste à établir
doc-qualification-jurisdiction = Compétence
doc-qualification-notes-of-the-legal-data = Notes des données juridiques
doc-qualification-as-for = comme pour { $provision }
doc-qualification-notes-given-above = { $count ->
        [one] 1 note donnée plus haut sous { $provisions }
       *[other] { $count } notes données plus haut sous { $provisions }
    }
doc-scale-a-scale-gives-a-starting = Un barème donne un point de départ et une fourchette à titre de comparaison ; il ne lie aucune juridiction hors de son propre ressort.
doc-scale-no-sentencing-scale-in-the = Aucun barème dans les données.
doc-scale-range-used = Fourchette retenue
doc-scale-not-official = , non officiel
doc-scale-range-of = Fourchette de
doc-scale-a-proposal-not-an-official = une proposition, pas un guide officiel
doc-scale-no-guideline-range-for-these = Pas de fourchette de barème pour ces faits : la peine face au maximum de chaque système
doc-scale-not-an-official-guideline = CE N'EST PAS UN GUIDE OFFICIEL
doc-scale-category-label = Catégorie
doc-scale-role-label = Rôle
doc-scale-still-possible = Encore possible
doc-scale-a-fact-that-decides-it = un fait qui en décide est inconnu
doc-scale-is-still-possible-a-fact = reste possible : un fait qui en décide est inconnu
doc-scale-starting-point = Point de départ
doc-scale-range = Fourchette
doc-scale-capped = Plafonnée
doc-scale-by-the-statutory-maximum-at = par le maximum légal à
doc-scale-range-capped-by-the-statutory = Fourchette plafonnée par le maximum légal à
doc-scale-verification-of-this-cell = Vérification de cette case
doc-scale-none-the-category-or-the = aucun : la catégorie ou le rôle n'est pas déterminé par les faits fournis
doc-scale-no-starting-point-the-category = Pas de point de départ : la catégorie ou le rôle n'est pas déterminé par les faits fournis.
doc-scale-statutory-maximum = Maximum légal
doc-scale-proportionality-of-the-sentence-imposed = Proportionnalité de la peine prononcée
doc-scale-custodial-term-imposed = Peine privative de liberté prononcée
doc-scale-proposal-not-official = {" "}(proposition, non officielle)
doc-scale-the-starting-point = le point de départ
doc-scale-of-the-maximum = du maximum
doc-scale-real-outcomes-for-comparable-facts = Décisions réelles pour des faits comparables (exemples, pas des règles)
doc-scale-court-and-date = Juridiction et date
doc-scale-sentence = Peine
doc-scale-nature = Nature
doc-scale-summary = Résumé
doc-summary-warnings-about-what-is-retained = Avertissements sur ce qui est retenu
doc-summary-facts = Faits.
doc-summary-certain-maximum-of-the-qualification = Maximum certain de la qualification retenue dans chaque système ; à défaut, la plus sévère des possibles (en pointillé).
doc-summary-qualification-retained-what-a-prosecutor = Qualification retenue : ce qu'un procureur retiendrait une fois la subsidiarité, les alternatives et la participation résolues ; à défaut, la plus sévère des possibles.
doc-summary-system = Système
doc-summary-qualification-retained = Qualification retenue
doc-summary-penalty-at-the-date-of = Peine à la date des faits
doc-summary-the-disparities-that-matter-most = Les disparités les plus importantes
doc-summary-same-as-above = idem
doc-system-other-provisions-with-the-same = d'autres dispositions de même statut ont un maximum non confirmé, peut-être plus élevé :
doc-system-possible = possible(s)
doc-system-excluded = exclue(s)
doc-system-apply = applicable(s)
doc-system-data-last-verified = données vérifiées le
doc-system-applicable = applicable(s)
doc-system-each-with-its-elements-its = chacune avec ses éléments, sa peine et les faits restant à établir, en annexe A.
doc-unknown = inconnu
doc-verified-in-the-official-text = vérifié dans le texte officiel
doc-unverified-check-the-official-text = NON VÉRIFIÉ — vérifier le texte officiel
doc-not-in-force-at-that = non en vigueur à cette date
doc-territory = territorialité
doc-nationality-of-the-offender = nationalité de l'auteur
doc-residence-of-the-offender = résidence de l'auteur
doc-nationality-of-the-child = nationalité de la victime
doc-residence-of-the-child = résidence de la victime
doc-complicity-from-the-territory = complicité depuis le territoire
doc-presence-of-the-offender = présence de l'auteur
doc-below-the-range = en dessous de la fourchette
doc-within-the-range = dans la fourchette
doc-above-the-range = au-dessus de la fourchette
doc-above-the-statutory-maximum = AU-DESSUS du maximum légal
doc-within-the-statutory-maximum = dans le maximum légal
doc-not-criminalised = non incriminé
doc-penalty-gap = écart de peine
doc-below-the-minimum-standard = en deçà du standard minimal
doc-age-threshold = seuil d'âge
doc-limitation = prescription
doc-unverified-law = droit non vérifié
doc-major = MAJEURE
doc-warning = attention
doc-obligations = obligations
doc-provisions = dispositions
doc-verified-official-text = vérifié (texte officiel)
doc-secondary-sources-only = sources secondaires seulement
doc-unverified = non vérifié
doc-qualifications-that-apply = Qualifications applicables
doc-qualifications-still-possible = Qualifications encore possibles
doc-not-determined-by-the-facts = non déterminé par les faits fournis
doc-date-of-verification-not-recorded = date de vérification non renseignée
doc-aggravating-factors = Facteurs aggravants
doc-mitigating-factors = Facteurs atténuants
doc-status = Statut
doc-verification = Vérification
doc-provision = Disposition
doc-limitation-label = Prescription
doc-sources = Sources
doc-fact = Fait
doc-none = Aucune.
doc-not-stated = non précisée
doc-starting-point = point de départ
doc-jurisdiction = compétence
doc-in-force-from = en vigueur depuis le
doc-life = perpétuité
doc-last-verified = dernière vérification le
doc-section-case = Dossier
doc-section-victim = Enfant
doc-section-offender = Personne mise en cause
doc-section-act = Actes
doc-section-grooming = Sollicitation
doc-section-exploitation = Exploitation
doc-section-live = Abus diffusés en direct
doc-section-material = Contenus pédocriminels
doc-section-sentence = Peine prononcée
doc-statement-1 = qualif est un outil d'aide à la décision. Il applique aux faits décrits dans le dossier des données juridiques encodées à partir des textes et montre son raisonnement élément par élément. Ce n'est pas un avis juridique, et ce rapport ne se prononce ni sur la culpabilité ni sur la peine : il ne remplace pas la lecture des textes officiels, de la jurisprudence et du dossier.
doc-statement-2 = Un fait que le dossier ne mentionne pas est traité comme inconnu, jamais comme absent : une qualification « possible » dépend de faits restant à établir, listés au début de ce rapport.
doc-statement-3 = Chaque disposition porte une mention de vérification. Une disposition « non vérifiée », ou fondée sur des sources secondaires seulement, doit être contrôlée dans le texte officiel avant d'être invoquée. Les peines indiquées sont les maxima et minima prévus par la loi, non des prévisions de peine.
doc-statement-4 = Les délais de prescription ne tiennent pas compte des actes interruptifs ni des causes de suspension. Les comparaisons entre systèmes se font par catégories de comportements et peuvent omettre des nuances propres à chaque droit. Un barème présenté comme une proposition n'est pas un guide officiel. Les notes des données juridiques sont rédigées en anglais.
doc-summary-fact = { $label } : { $value }
doc-summary-fact-separator = {" ; "}
doc-scale-sentence-community = peine communautaire (community order) de niveau { $level ->
        [low] faible
        [medium] moyen
        [high] élevé
       *[other] { $level }
    }
doc-scale-sentence-weeks = { $weeks } semaines d'emprisonnement
doc-scale-sentence-custody = { $term } d'emprisonnement

## Une période de faits (du premier au dernier acte)
# Ce qui relie une étiquette à sa valeur (« Peine : … »).
label-separator = {" : "}
# Ce qui sépare les éléments d'une liste dont les éléments contiennent des virgules.
list-separator = {" ; "}
period-heading = Période des faits
period-span = faits du { $first } au { $last } : la loi en vigueur au dernier acte est appliquée
period-no-change = la loi de ce qui est retenu n'a pas changé pendant la période
period-changed-on = la disposition retenue a changé pendant la période (en vigueur à partir du { $dates })
period-at-first = selon la loi en vigueur au premier acte, les faits tels qu'ils étaient alors : { $provision } — { $penalty }
period-at-first-nothing = selon la loi en vigueur au premier acte, les faits tels qu'ils étaient alors : rien de retenu avec certitude
period-first-milder = plus douce que la peine appliquée : les actes antérieurs au changement ne peuvent être punis plus sévèrement que cette loi ne le permettait
period-first-harsher = plus sévère que la peine appliquée : la loi postérieure plus douce régit aussi les actes antérieurs
period-first-same = la même peine que celle qui est appliquée
period-first-acts = premiers actes
period-rule-each-act = règle de ce système : la prescription de chaque acte court de sa propre date ({ $verification })
period-rule-last-act = règle de ce système : la prescription court du dernier acte de la période ({ $verification })
period-no-rule = les données ne donnent pas de règle de ce système pour une période de faits : vérifier à la main quelle loi régit les actes antérieurs
