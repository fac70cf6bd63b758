# The English messages of qualif. Every message is also in fr.ftl, with the same
# parameters (the tests check it). A message keyed by a value of the data
# (custody-reclusion, procedure-indictment, currency-EUR) holds the words of the legal
# system that uses that value: add one when the data gains a value.

## Numbers, terms and penalties

number-group-separator = ,
law-applied = Law applied as in force on
term-life = life
term-none = no imprisonment
term-unknown = term not confirmed
term-years = { $years ->
        [one] { $years } year
       *[other] { $years } years
    }
term-years-less-a-day = { $years ->
        [one] { $years } year
       *[other] { $years } years
    } less a day
term-years-months = { $years ->
        [one] { $years } year
       *[other] { $years } years
    } and { $months ->
        [one] { $months } month
       *[other] { $months } months
    }
term-months = { $months ->
        [one] { $months } month
       *[other] { $months } months
    }
term-months-fraction = { $months } months
fine-unknown = fine not confirmed
fine-amount-symbol = { $symbol }{ $amount }
fine-amount-code = { $amount } { $currency }
currency-EUR = €
currency-GBP = £
custody-other = imprisonment
custody-imprisonment = imprisonment
custody-emprisonnement = imprisonment
custody-reclusion = of criminal imprisonment (réclusion)
custody-detention = of criminal detention
penalty-unconfirmed = custodial penalty not confirmed
penalty-unconfirmed-reclusion = custodial penalty not confirmed
penalty-unconfirmed-detention = custodial penalty not confirmed
procedure-indictment = on indictment
procedure-summary = on summary conviction
penalty-procedure = { $procedure }: { $penalty }
penalty-procedure-separator = {"; "}
penalty-life = life imprisonment
penalty-range = { $min } to { $max } { $custody }
penalty-term = { $term } { $custody }
penalty-minimum = minimum { $term } ({ $status })
penalty-with-minimum = { $penalty }, { $minimum }
penalty-fine-range = a fine of { $min } to { $max }
penalty-fine-max = a fine of up to { $max }
penalty-and = { $first } and { $second }
minimum-in-force = mandatory minimum in force
minimum-struck-down = mandatory minimum struck down
minimum-repealed = mandatory minimum repealed
minimum-contested = mandatory minimum held unconstitutional by some courts
status-applies = applies
status-possible = possible
status-excluded = excluded
element-met = met
element-unmet = not met
element-unknown = unknown
