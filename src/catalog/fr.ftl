# Les messages français de qualif. Chaque message est aussi dans en.ftl, avec les mêmes
# paramètres (les tests le vérifient). Un message indexé par une valeur des données
# (custody-reclusion, procedure-indictment, currency-EUR) porte les mots du système
# juridique qui emploie cette valeur : en ajouter un quand les données gagnent une valeur.

## Nombres, durées et peines

number-group-separator = {"\u202F"}
law-applied = Droit appliqué tel qu'en vigueur le
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
term-months-fraction = { $months } mois
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
penalty-procedure = { $procedure }: { $penalty }
penalty-procedure-separator = {"; "}
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
list-or = {" ou "}

## Constats du moteur

law-date-requested = le droit en vigueur le { $date } est appliqué, comme demandé (--date)
law-date-today = le dossier ne donne pas la date des faits : le droit en vigueur aujourd'hui ({ $date }) est appliqué
warning-not-in-force = cette disposition n'est pas en vigueur : seul existe un texte en attente ou non confirmé
warning-unverified = { $provision } : la version appliquée n'est pas vérifiée — la contrôler dans le texte officiel avant de s'y fier
warning-secondary-only = { $provision } : la version appliquée ne repose que sur des sources secondaires
warning-penalty-not-confirmed = { $provision } : la peine n'est pas confirmée par les sources
warning-alternative = { $provision } : cette disposition ou { $others } s'applique — tous les autres éléments sont établis ; laquelle dépend des faits encore manquants
element-in-force-on = en vigueur à la date retenue ({ $date })
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
