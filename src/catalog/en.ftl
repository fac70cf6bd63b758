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
list-or = {" or "}

## Findings of the engine

law-date-requested = the law in force on { $date } is applied, as requested (--date)
law-date-today = the case gives no date of the facts: the law in force today ({ $date }) is applied
warning-not-in-force = this provision is not in force: only a pending or unconfirmed text exists
warning-unverified = { $provision }: the version applied is unverified — check it against the official text before relying on it
warning-secondary-only = { $provision }: the version applied rests on secondary sources only
warning-penalty-not-confirmed = { $provision }: the penalty is not confirmed by the sources
warning-alternative = { $provision }: either this provision or { $others } applies — every other element is met; which one depends on the facts still missing
element-in-force-on = in force at the date applied ({ $date })
limitation-rule-depends-on-facts = whether { $citation } ({ $label }) governs depends on facts not stated
limitation-no-rule = no limitation rule for this provision in the data
limitation-no-date-of-facts = no date of the facts: limitation cannot be computed
limitation-no-regime = { $citation }: no regime in the data for facts of { $facts }
limitation-start-needs-victim-age = the victim's age or birth date is needed to know when the period starts
limitation-beyond-last-date = the period would run past 9999-12-31, the last date this program handles: not computed
limitation-barred-before-regime-unknown = whether the facts were already time-barred when the regime of { $date } entered into force depends on the victim's exact birth date
limitation-interruptions-ignored = interruptions and suspensions (acts of investigation or prosecution) are not taken into account
number-decimal-separator = .
threshold-age_of_consent = age of consent

## Disparities between systems

disparity-no-penalty = no penalty
disparity-not-criminalised = { $conduct }: an offence in { $system } under { $provision }, but { $why }.
disparity-not-covered = no offence of { $system } in qualif's data covers this conduct
disparity-excluded-offences = in { $system } the offences for this conduct are excluded on these facts: { $excluded }
disparity-penalty-gap = { $conduct }: up to { $higher } in { $higher_system } under { $higher_provision }, against { $lower } in { $lower_system } under { $lower_provision } ({ $factor }).
disparity-factor = a factor of { $factor }
disparity-life-against-term = life against a fixed term
disparity-unverified = { $conduct }: the comparison for { $system } rests on { $provision }, whose text or penalty is unverified — check it before relying on it.
disparity-obligation-not-covered = { $instrument } requires this conduct to be criminalised ({ $obligation }), and no offence of { $state } in qualif's data covers it (check whether the law or only the data lacks one).
disparity-obligation-excluded = { $instrument } requires this conduct to be criminalised ({ $obligation }), but no offence of { $state } applies to these facts ({ $excluded } excluded).
disparity-maximum-below-floor = { $instrument } requires a maximum of at least { $floor } ({ $obligation }), but { $state } provides { $maximum } under { $provision }.
disparity-age-threshold = The child is { $age }: below the { $threshold } in { $below } but not in { $above }, so the same facts are treated differently.
disparity-time-barred = At the date of assessment prosecution is still possible in { $open } ({ $open_provision }), but time-barred in { $barred } ({ $barred_rule }).
disparity-reach = { $can } can prosecute these facts, but no ground of jurisdiction of { $cannot } holds on them.
disparity-reach-ground = { $can } can prosecute these facts ({ $citation }: { $ground }), but no ground of jurisdiction of { $cannot } holds on them.

## Sentencing scales

community-order-low = Low level community order
community-order-medium = Medium level community order
community-order-high = High level community order
sentence-weeks = { $weeks ->
        [one] { $weeks } week's custody
       *[other] { $weeks } weeks' custody
    }
sentence-years = { $years ->
        [one] { $years } year's custody
       *[other] { $years } years' custody
    }
sentence-term = { $term } custody
guideline-status-outside = { $status } — not applicable to this offender
guideline-status-scope = { $status } — { $scope }
