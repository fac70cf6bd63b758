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
