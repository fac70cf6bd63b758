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
