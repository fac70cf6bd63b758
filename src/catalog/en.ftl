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

## src/report/assess_text.rs src/report/compare_text.rs src/report/scale_text.rs

assess-unverified = ⚠ UNVERIFIED
assess-secondary-sources-only = secondary sources only
assess-verified-official-text = verified (official text)
assess-aggravated = aggravated
assess-up-to = up to
assess-if-established = if established
assess-milder-later-law-from = milder later law from
assess-version-in-force-from = version in force from
assess-sources-conflict-on-this-penalty = sources conflict on this penalty
assess-apply = apply
assess-possible = possible
assess-excluded = excluded
assess-status = Status
assess-provision = Provision
assess-penalty = Penalty
assess-elements = Elements
assess-still-to-establish = Still to establish
assess-or-else = or else
assess-others-excluded = other provisions are excluded on these facts (--all lists them with the element that excludes each).
disclaimer = Decision support, not legal advice: check every qualification against the official texts.
assess-qualification-of-the-facts = Qualification of the facts
assess-id = Id
assess-verification = Verification
assess-sources = Sources
compare-not-covered = — not covered
compare-excluded = excluded
compare-floor-at-least = floor: at least
compare-max = max
compare-conduct = Conduct
compare-disparities = Disparities
compare-cross-border-comparison = Cross-border comparison
scale-category-not-determined = not determined
scale-role-not-determined = not determined
scale-category = Category
scale-role = Role
scale-category-lower = category
scale-still-possible = is still possible: a fact that decides it is unknown
scale-role-lower = role
scale-starting-point = Starting point
scale-range = Range
scale-cell-verification = Cell verification
scale-no-starting-point = No starting point: the category or the role is not determined by the facts given.
scale-statutory-maximum = Statutory maximum
scale-aggravating = Aggravating
scale-mitigating = Mitigating
scale-to-consider = to consider
scale-supported-by-the-facts = supported by the facts
scale-possible = possible
scale-proposed-or-imposed-sentence = Proposed or imposed sentence:
scale-guideline-range = guideline range
scale-real-outcomes = Real outcomes for comparable facts (examples, not rules)
scale-verdict = verdict
scale-prosecution-request = PROSECUTION REQUEST, not a verdict
disclaimer-short = Decision support, not legal advice.
compare-min = min
compare-no-offence-anywhere = No offence applies or remains possible in any system on these facts.
compare-no-disparity = none: these facts are treated alike in the systems compared.
compare-no-disparity-capital = None: these facts are treated alike in the systems compared.
assess-no-offence = No offence applies or remains possible on these facts.
severity-major = MAJOR
severity-warning = warning
severity-info = info
# The kinds of disparity: in English, the names JSON gives them.
kind-not-criminalised = not_criminalised
kind-penalty-gap = penalty_gap
kind-below-minimum-standard = below_minimum_standard
kind-age-threshold = age_threshold
kind-limitation = limitation
kind-jurisdiction-reach = jurisdiction_reach
kind-unverified-law = unverified_law
minimum-short-in-force = in force
minimum-short-struck-down = struck down
minimum-short-repealed = repealed
minimum-short-contested = contested
# The verification levels: in English, the names the data gives them.
verification-unverified = unverified
verification-verified-secondary = verified-secondary
verification-verified-primary = verified-primary
placement-below-range = below the range
placement-within-range = within the range
placement-above-range = above the range
placement-above-maximum = above the statutory maximum
placement-within-maximum = within the statutory maximum
scale-ratio = { $ratio }× the starting point
scale-bar-range = range
scale-one-of-two-alternatives = one of two alternatives
scale-marker-legend = ▼ = the sentence

## law list, law show

law-list-system = { $name } ({ $id }) — { $provisions ->
        [one] { $provisions } provision
       *[other] { $provisions } provisions
    }, { $file }
law-column-id = Id
law-column-citation = Citation
law-column-title = Title
law-column-versions = Versions
law-column-current-penalty = Current penalty
law-column-verification = Verification
law-official-short-name = Official short name
law-system = System
law-conduct-classes = Conduct classes
law-attempt = Attempt
law-note = Note
law-version = Version
law-version-pending = PENDING, NOT IN FORCE
law-version-in-force = in force
law-penalty = Penalty
law-other-reading = Other reading
law-elements = Elements
law-aggravation = Aggravation
law-source = Source
law-last-verified = Last verified
law-file = File
law-kind-national = National
law-kind-international = International
law-system-heading = { $name } ({ $id }) — { $kind }, { $provisions ->
        [one] { $provisions } provision
       *[other] { $provisions } provisions
    }
law-binds = Binds { $state } from { $from } [{ $verification }]
