# The English messages of qualif. Every message is also in fr.ftl, with the same
# parameters (the tests check it). A message keyed by a value of the data
# (custody-reclusion, procedure-indictment, currency-EUR) holds the words of the legal
# system that uses that value: add one when the data gains a value.

## Numbers, terms and penalties

number-group-separator = ,
law-applied = Law applied as in force on
date-long = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
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
term-days = { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
term-and-days = { $term } and { $days }
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
element-met-presumed = met (presumed)
element-unmet-presumed = not met (presumed)
value-yes = yes
value-no = no
presumed-mark = (presumed)
presumptions-heading = Presumed, not stated
presumption-line = { $fact }: { $value } — presumed because { $note }; an answer in the case file overrides it
list-or = {" or "}

## Findings of the engine

law-date-requested = the law in force on { $date } is applied, as requested (--date)
law-date-today = the case gives no date of the facts: the law in force today ({ $date }) is applied
warning-not-in-force = this provision is not in force: only a pending or unconfirmed text exists
warning-no-data-for-date = { $provision }: the data holds no version of this provision before { $first }, and does not say the offence was created then: the law in force on { $date } is not encoded, so whether these facts were an offence then is unknown — check the law of the time
warning-unverified = { $provision }: the version applied is unverified — check it against the official text before relying on it
warning-secondary-only = { $provision }: the version applied rests on secondary sources only
warning-penalty-not-confirmed = { $provision }: the penalty is not confirmed by the sources
warning-alternative = { $provision }: either this provision or { $others } applies — every other element is met; which one depends on the facts still missing
element-in-force-on = in force at the date applied ({ $date })
element-no-data-on = an offence under this provision at the date applied ({ $date }): no data before { $first }
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
scale-no-guideline-covers = No sentencing guideline of the data covers the conduct retained for this case: no scale is shown.
scale-nothing-retained-yet = No system retains a qualification for certain yet: a sentencing scale is shown once the facts establish conduct it sentences.
scale-coverage-possible = whether this guideline covers the conduct retained for the case depends on a fact that is unknown
scale-coverage-label = Coverage
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

## src/tui/view.rs src/tui/answer.rs src/tui/mod.rs src/tui/recovery.rs src/tui/update.rs src/tui/terminal.rs src/tui/state.rs

tui-window-too-small-enlarge-it = Window too small: enlarge it.
tui-new-case = new case
tui-no-question-left-can-change = No question left can change the qualifications.
tui-f-review-or-change-any = f: review or change any answer · s: save the case file · q: quit
tui-yyyy-mm-dd = YYYY-MM-DD
tui-at-least-hint = Type the number, or ↓ then Enter for “{ $word }”.
tui-country-code-e-g-fr = country code, e.g. FR
tui-codes-e-g-fr-be = codes, e.g. FR, BE
tui-chosen-from-the-fact-list = chosen from the fact list; the answer changes no qualification as things stand.
tui-period-first-after-last = The first act ({ $first }) is after the last ({ $last }): type the period as first act..last act, the earlier date first.
tui-provision = Provision
tui-text = Text
tui-penalties = Penalties
tui-chart = Chart
tui-disparities = Disparities
tui-disp = Disp.
tui-life = life
tui-no-legal-system-loaded = No legal system loaded.
tui-no-provision-applies-or-is = No provision applies or is possible yet.
tui-none-applies-yet = — none applies yet
tui-no-disparity-between-the-systems = No disparity between the systems on these facts so far.
tui-sentencing-scale-no-official-guideline = Sentencing scale: no official guideline in the data.
tui-not-criminalised = not criminalised
tui-penalty-gap = penalty gap
tui-below-minimum-standard = below minimum standard
tui-age-threshold = age threshold
tui-limitation = limitation
tui-jurisdiction = jurisdiction
tui-unverified-law = unverified law
tui-not-official = NOT OFFICIAL
tui-sym = ?
tui-category = category
tui-no-starting-point-yet-category = no starting point yet (category or role not determined)
tui-still-possible-with-unknown-facts = still possible with unknown facts: category
tui-recovery-file = Recovery file
tui-search = Search:
tui-don-t-know = don't know
tui-markdown-or-html-json-by = Markdown, or HTML / JSON by the file's extension (.html, .json).
tui-the-case-file-format-read = The case-file format read by `qualif assess`.
tui-file = File:
tui-a-new-case = a new case
tui-an-interview-was-interrupted = An interview was interrupted.
tui-removed-when-you-quit = (removed when you quit)
tui-in = in
tui-from-the-first-answer = from the first answer
tui-none-answers-are-lost-if = none: answers are lost if interrupted; save with s
tui-answer-yes = Yes
tui-answer-no = No
tui-answer-none-of-these = None of these
tui-answer-i-don-t-know = I don't know
tui-answer-yes-2 = yes
tui-answer-no-2 = no
tui-answer-none = none
tui-answer-type-an-answer-or-choose = Type an answer, or choose “I don't know” (↓ then Enter, or u).
tui-answer-choose-one-of-the-answers = Choose one of the answers.
tui-mod-the-interrupted-interview-was-discarded = The interrupted interview was discarded.
tui-recovery-no-recovery-file-neither-xdg = No recovery file: neither XDG_STATE_HOME nor HOME is set, so the answers are lost if the interview is interrupted. Save them with s.
tui-update-no-answer-to-take-back = No answer to take back.
tui-update-no-question-is-left-f = No question is left: f to review or change an answer, s to save.
tui-interview = Interview
tui-why = Why:
tui-decides = decides
tui-decides-prosecution = whether { $system } can prosecute ({ $rule })
tui-decides-ground = a ground of jurisdiction in { $system } ({ $rule })
tui-decides-limitation = which limitation rule governs ({ $systems })
tui-decides-retained = the retained qualification in { $systems }
tui-decides-retained-penalty = the penalty of the retained qualification in { $systems }
tui-decides-scale = the scale “{ $scale }”: { $parts }
tui-scale-category = category
tui-scale-role = role
tui-scale-starting-point = starting point
tui-scale-factor = factor “{ $factor }”
tui-penalty = (penalty)
tui-qualifications-applies-possible-verification = Qualifications  ● applies ○ possible · ✓ ~ ! verification
tui-qualifications = Qualifications
tui-provision-2 = Provision
tui-penalty-2 = Penalty:
tui-up-to-if-aggravations-are = Up to, if aggravations are established:
tui-to-establish = To establish:
tui-maximum-penalty-leading-applicable-offence = Certain maximum, qualification retained
tui-disparities-and-sentencing-scale = Disparities and sentencing scale
tui-keys-any-key-closes = Keys (any key closes)
tui-facts-type-to-search-enter = Facts: type to search · ↑↓ · Enter to answer · Esc
tui-resume = Resume?
tui-quit = Quit?
tui-together-with = , together with “{ $arg0 }”
tui-and-more = and { $more } more
tui-y = y
tui-apply-possible = { $arg0 } — { $applies } apply, { $arg2 } possible
tui-milder-law-since = Milder law since { $arg0 }: { $arg1 }
tui-interviews-were-interrupted = { $n } interviews were interrupted.
tui-a-whole-number-is-expected = A whole number{ $arg0 } is expected.
tui-a-number-is-expected = A number{ $arg0 } is expected.
tui-is-not-a-date-write = "{ $t }" is not a date: write YYYY-MM-DD, for example 2023-05-10.
tui-at-most-characters = At most { $max_input_chars } characters.
tui-is-not-a-two-letter = "{ $c }" is not a two-letter ISO country code (FR, BE, CA, PH…).
tui-this-birth-date-gives-at = This birth date gives { $computed } at the date of the facts, but the age given is { $age }: correct one of the two.
tui-the-birth-date-given-gives = The birth date given ({ $birth }) gives { $computed } at the date of the facts.
tui-cannot-write-the-recovery-file = Cannot write the recovery file: { $e }
tui-interview-resumed-answer-s = Interview resumed: { $n } answer(s).
tui-the-interrupted-interview-was-discarded = The interrupted interview was discarded; { $left } left.
tui-interrupted-interview-s-kept-offered = { $n } interrupted interview(s) kept, offered at the next start.
tui-saved-to = Saved to { $path }
tui-opened = Opened { $path }
tui-report-written-to = Report written to { $path }
tui-header = qualif · { $case }{ $dirty } · { $answered } answer(s) · law of { $law } · EN · ? help
tui-footer = Enter answer · u don't know · b back · f facts · ? help · q quit · l français · s save · o open
tui-footer-letters = Enter answer · Ctrl-U don't know · Ctrl-B back · Ctrl-F facts · F1 help · Ctrl-Q quit · Ctrl-L français · Ctrl-S save
tui-footer-short = Enter answer · u unknown · b back · ? help · q quit · f facts · s save · l FR
tui-footer-letters-short = Enter answer · Ctrl-U don't know · Ctrl-B back · F1 help · Ctrl-Q quit
tui-enter-again = Enter again answers “{ $choice }”; ↑↓ choose another
tui-help-shift-arrows = Shift-↑↓
tui-help-scroll-question = scroll a question longer than its box
tui-question-more = ↓ more: Shift-↓
tui-bounds-from-to = from { $from } to { $to }
tui-bounds-from = from { $from }
tui-bounds-up-to = up to { $to }
tui-other-interrupted-kept = { $left } other interrupted interview(s) kept, offered at the next start.
tui-save-title = Save the case file · Enter · Esc
tui-open-title = Open a case file · Enter · Esc
tui-export-title = Export the report · Enter · Esc
tui-offer-when = { $n } answer(s), on { $case }, { $when }
tui-offer = { $n } answer(s), on { $case }
tui-resume-one-yes = y / Enter: resume it
tui-resume-discard = n: discard it (its answers are deleted)
tui-resume-one-later = Esc: not now (it is offered again at the next start)
tui-resume-many-yes = ↑ ↓: choose · y / Enter: resume it
tui-resume-many-later = Esc: not now (they are offered again at the next start)
tui-quit-unsaved = The answers are not saved to a case file.
tui-quit-keys = y: quit without saving · s: save · Esc: stay
tui-help-enter = Enter
tui-help-answer-with-the-highlighted-choice = answer with the highlighted choice (a first Enter highlights one)
tui-help-move-between-the-answers = move between the answers
tui-help-pick-an-answer-yes-no = pick an answer; yes / no
tui-help-space = Space
tui-help-tick-a-value-questions-with = tick a value (questions with several answers)
tui-help-i-don-t-know-the = I don't know: the fact stays unknown
tui-help-go-back-take-back-the = go back: take back the last answer
tui-help-facts-jump-to-any-fact = facts: jump to any fact, change any answer
tui-help-select-the-previous-next-provision = select the previous / next provision
tui-help-next-panel-small-windows = next panel (small windows)
tui-help-fran-ais-english = français / English
tui-help-save-the-case-file = save the case file
tui-help-open-a-case-file = open a case file
tui-help-export-the-written-report-markdown = export the written report (Markdown, HTML, JSON)
tui-help-this-help = this help
tui-help-esc = Esc
tui-help-close-a-window-clear-the = close a window; clear the typed answer
tui-help-quit = quit
tui-help-stop-at-once-the-answers = stop at once; the answers are kept to resume
tui-help-country-and-text-answers-take = Country and text answers take letters: use the Ctrl keys.
tui-help-applies-possible = applies / possible
tui-help-verified-official-text-secondary-sources = verified (official text) / secondary sources only / unverified
tui-needs-a-terminal = the guided interview needs a terminal; to qualify a case file without one, use `qualif assess CASE` (see `qualif --help`)
tui-interrupted-kept = interview interrupted: the answers are kept in { $path }; run `qualif` to resume

## Commands

command-unknown-system-in-systems = unknown system `{ $system }` in --systems; accepted: { $accepted }
command-unknown-system = unknown system `{ $system }`; accepted: { $accepted }
command-no-provision-or-system = no provision or system `{ $id }`; `qualif law list` shows the ids
command-no-official-guideline = no official sentencing guideline in the data (guidelines/*.toml)
command-validate-ok = ok: { $systems } systems ({ $ids }), { $provisions } provisions, { $versions } versions ({ $unverified } unverified, { $secondary } on secondary sources only), { $limitations } limitation and { $jurisdictions } jurisdiction rules, { $scales } sentencing scales and { $cases } reference cases, { $facts } facts, { $conduct } conduct classes
command-validate-problems = { $count } problem(s) found
command-batch-counts = { $records } records: { $evaluated } evaluated, { $rejected } rejected
command-batch-head-by = by
command-batch-head-group = group
command-batch-head-cases = cases
command-batch-head-sentenced = sentenced
command-batch-head-share = share of max: n
command-batch-head-starting = ÷ starting point: n
command-batch-head-median = median

## The retained qualification (the conclusion of an assessment)
retained-heading = Retained
retained-nothing-certain = no qualification is certain on these facts
retained-possible = possible: { $provision } ({ $penalty })
retained-unless = unless { $provisions } is established
retained-up-to = up to { $penalty } under { $provision } depending on the facts still missing
retained-cumulative = also retained, distinct conduct
retained-same-conduct = the same conduct as { $provision }, not retained separately
retained-absorbed = absorbed by { $provision }
retained-prosecution = Prosecution
retained-can-prosecute = the state can prosecute ({ $grounds })
retained-cannot-prosecute = no ground of jurisdiction holds on these facts
retained-prosecution-unknown = whether the state can prosecute depends on facts not stated
retained-never-barred = never time-barred
retained-barred-after = time-barred after { $date }
retained-barred-since = time-barred: the period ended on { $date }
retained-barred-between = time-barred after a date between { $from } and { $to }, depending on the exact dates
retained-limitation-unknown = limitation not computed (see the notes)
compare-retained-row = Retained (certain maximum)
compare-nothing-retained = nothing certain

## The threshold explorer (qualif explore)
explore-unknown-fact = `{ $fact }` is not a fact of the vocabulary: write --vary section.key=RANGE, such as victim.age=8..17
explore-derived-fact = `{ $fact }` is derived from other facts: vary one of those (such as victim.age or offender.age)
explore-bad-range = `{ $spec }` is not a range of { $fact }: write FROM..TO for a whole number (such as victim.age=8..17, or 14..60/2 by steps of 2, within the fact's bounds), FROM..TO for a date (such as case.date_of_facts=2019-01-01..2026-12-31), nothing or values separated by commas for a choice or true/false
explore-too-many = a ladder has at most { $max } rows: take a shorter range or a step (FROM..TO/STEP)
explore-unsupported-type = { $fact } cannot be varied: only a whole number, a date, a choice or a true/false fact
explore-title = How the answer changes with { $fact } ({ $key })
explore-replaced = The case's { $birth } is left out: the { $fact } varied replaces it.
explore-thresholds-heading = Thresholds (found from the conditions of the law, each checked on both sides):
explore-no-threshold = no answer changes over this range
explore-evaluated = { $rows } rows; { $points } values evaluated (every constant the law compares the fact with, and either side).
explore-threshold = { $system } — at { $at }: { $changes }
explore-change-applies = { $provision } applies
explore-change-no-longer-applies = { $provision } no longer applies
explore-change-retained = retained: { $from } → { $to }
explore-change-penalty = { $provision }: { $from } → { $to }
explore-change-version = { $provision }: version in force from { $date }
explore-change-floor = international floor: { $from } → { $to }
explore-nothing-certain = nothing certain
explore-no-penalty = penalty not given
explore-cell-max = max { $max }
explore-cell-max-min = max { $max }, min { $min }
explore-cell-possible = nothing certain ({ $provision } possible)
explore-cell-nothing = nothing applies
explore-cell-floor = floor: { $status }
explore-floor-met = met
explore-floor-not-met = NOT met
explore-floor-undecided = undecided
explore-floor-not-engaged = none engaged
explore-floor-not-bound = not bound
explore-chart-title = Maximum penalty retained in each system as { $fact } varies
explore-chart-legend = Line: the maximum of the qualification retained · dot and name: the qualification or its penalty changes · gap: nothing certain
explore-change-possible = { $provision } becomes possible
explore-change-excluded = { $provision } is excluded
explore-cell-max-min-status = max { $max }, min { $min } ({ $status })
ladder-age-title = How the answer changes with the child's age
ladder-age-intro = The same facts with the child aged otherwise (the case states { $age }): in each system, the qualification retained, its maximum and minimum, and the main international floor.
ladder-gap-title = How the answer changes with the age gap
ladder-gap-intro = A close-in-age rule is in play: the same facts with the older person aged otherwise (the child is { $age }, the case states { $offender }); from whole-year ages the gap is known within a year either way.
ladder-thresholds = Where the answer changes (found from the conditions of the law):
tui-ladder-title = How the answer changes with the child's age (any key closes)
tui-ladder-no-age = The child's age is not known yet: answer it, and the ladder shows how each system's answer changes with it.
tui-ladder-intro = The answers so far, with the child aged otherwise (stated: { $age }); ▶ marks the stated age.

## The written report (document/)

doc-charts-no-offence-applies-or-remains = no offence applies or remains possible
doc-facts-between = between
doc-facts-and = and
# A whole number known only from below, when its fact declares no word for it.
value-at-least = at least { $n }
doc-unclassified = unclassified
doc-limitation-interruptions-and-suspensions-acts = Limitation: interruptions and suspensions (acts of investigation or prosecution) are not taken into account.
doc-qualification-in-force-from = in force from
doc-qualification-to = to
doc-limitation-barred = TIME-BARRED ({ $when })
doc-limitation-open = not time-barred on { $today } ({ $when })
doc-limitation-depends = time-barred or not depending on the exact date of birth ({ $when })
doc-limitation-ended-on = the period ended on { $date }
doc-limitation-ended-between = the period ended on a date between { $from } and { $to }, depending on the exact dates
doc-limitation-bars-after = time-barred after { $date }
doc-limitation-bars-between = time-barred after a date between { $from } and { $to }, depending on the exact dates
doc-limitation-ends-on = the period ends on { $date }
doc-limitation-ends-between = the period ends on a date between { $from } and { $to }
doc-qualification-date-withheld-in-this-redacted = date withheld in this redacted report: it derives from the child's date of birth
doc-qualification-cannot-be-computed-from-the = cannot be computed from the data and the facts given
doc-qualification-not-time-barred-imprescriptible = not time-barred: imprescriptible
doc-qualification-limitation-regime-of = limitation regime of
doc-qualification-yes-on = yes, on:
doc-qualification-no-ground-of-jurisdiction-holds = no ground of jurisdiction holds on these facts
doc-qualification-unknown-no-jurisdiction-rule-in = unknown: no jurisdiction rule in the data for this provision
doc-qualification-unknown-depends-on-facts-not = unknown: depends on facts not stated
doc-qualification-the-sources-conflict-on-this = the sources conflict on this penalty; the preferred reading is applied and the others are shown
doc-scale-not-an-official-guideline-a = NOT AN OFFICIAL GUIDELINE — a proposal, shown for discussion only
doc-scale-category = category
doc-scale-role = role
doc-scale-to-consider = to consider
doc-scale-supported-by-the-facts = supported by the facts
doc-scale-possible = possible
doc-scale-verdict = verdict
doc-scale-prosecution-request-not-a-verdict = PROSECUTION REQUEST, not a verdict
doc-scale-not-confirmed = not confirmed
doc-scale-cannot-be-placed-the-maximum = cannot be placed: the maximum is not confirmed
doc-system-mandatory-in-force = mandatory, in force
doc-system-struck-down = struck down
doc-system-repealed = repealed
doc-system-contested = contested
doc-system-not-covered = not covered
doc-chart-y = y
doc-chart-maximum-and-minimum-penalties-of = Maximum and minimum penalties of the leading qualification in each system
doc-chart-applies = applies
doc-chart-possible-only = possible only
doc-chart-another-provision-s-maximum-is = another provision's maximum is not confirmed
doc-chart-bar-0-to-the-maximum = Bar: 0 to the maximum · thick line: the minimum · dashed bar: the offence is only possible · arrow: life
doc-chart-guideline-range-starting-point-and = Guideline range, starting point and sentence
doc-chart-not-official = not official
doc-chart-guideline-range = Guideline range
doc-chart-range = range
doc-chart-sentence = sentence
doc-chart-sentence-label = sentence:
doc-chart-beyond-the-scale = beyond the scale
doc-chart-beyond-the-scale-of-the = beyond the scale of the chart, drawn at its end
doc-annex-met-not-met-unknown-depends = ✓ met, ✗ not met, ? unknown (depends on a fact not stated). Possible: no element is unmet, but at least one depends on a fact not stated; a possible qualification is not a charge.
doc-annex-penalty = Penalty
doc-annex-elements = Elements
doc-annex-alternative-to = alternative to
doc-annex-also-possible-but-none-of = Also possible, but none of their elements is established by the facts
doc-annex-gives-way-to-a-principal = gives way to a principal offence that applies
doc-annex-excluded-on-these-facts = Excluded on these facts
doc-closing-none = None.
doc-closing-the-addresses-are-given-as = The addresses are given as text, to be opened by the reader; this file loads nothing.
doc-closing-sources-last-verified-on = Sources last verified on
doc-closing-unless-another-date-follows-the = , unless another date follows the address. The provisions cite their sources by number; the JSON report lists who cites each.
doc-closing-produced-by = Produced by
doc-closing-redacted-report = redacted report
doc-comparison-no-offence-applies-or-remains = No offence applies or remains possible in any system on these facts.
doc-comparison-disparities = Disparities
doc-comparison-none-these-facts-are-treated = None: these facts are treated alike in the systems compared.
doc-comparison-each-cell-the-status-the = Each cell: the status, the maximum (for an instrument: the minimum maximum it requires, “at least”), the minimum, and the provision that leads.
doc-comparison-each-cell-the-status-then = Each cell: the status, then the maximum (for an instrument: the minimum maximum it requires), the minimum, and the provision.
doc-comparison-conduct = Conduct
doc-comparison-at-least = at least
doc-comparison-severity = Severity
doc-comparison-kind = Kind
doc-comparison-what-differs = What differs
doc-facts-facts-as-established = Facts as established
doc-facts-no-fact-is-stated = No fact is stated.
doc-facts-topic = Topic
doc-facts-value = Value
doc-facts-none-every-qualification-is-decided = None: every qualification is decided by the facts given.
doc-facts-a-fact-not-stated-is = A fact not stated is unknown, never “no”. Establishing these facts would decide the qualifications and aggravations listed.
doc-facts-would-decide-the-qualification = Would decide the qualification
doc-facts-would-decide-an-aggravation-of = Would decide an aggravation of
doc-facts-fact-case-file-key = Fact (case-file key)
doc-facts-case-file-key = Case-file key
doc-international-an-instrument-does-not-punish = An instrument does not punish: it obliges the states bound by it to make conduct an offence, with at least the maximum penalty shown.
doc-international-no-international-instrument-in-the = No international instrument in the data.
doc-international-none-of-the-national-systems = None of the national systems of this report is bound by it at the date of the law applied.
doc-international-binding-on = Binding on
doc-international-since = since
doc-international-no-obligation-is-engaged-by = No obligation is engaged by these facts.
doc-international-obligation-engaged = Obligation engaged
doc-international-maximum-the-state-must-provide = Maximum the state must provide, at least
doc-international-still-possible-depending-on-facts = Still possible, depending on facts not stated
doc-international-read-for = Read for
doc-international-applies = applies:
doc-international-possible = possible:
doc-international-shortfall = Shortfall
doc-limitation-the-limitation-and-the-jurisdiction = The limitation and the jurisdiction of each qualification that applies are given with it in section 3 (the JSON report gives them for the qualifications still possible too). Interruptions and suspensions of limitation are not taken into account. The grounds of jurisdiction of each system:
doc-limitation-grounds-of-jurisdiction-that-hold = Grounds of jurisdiction that hold or may hold
doc-limitation-holds = holds
doc-limitation-depends-on-facts-not-stated = depends on facts not stated
doc-limitation-double-criminality-required = double criminality required
doc-contents = Contents
doc-redacted-report-qualif = Redacted report — qualif
doc-qualification-report-qualif = Qualification report — qualif
doc-summary = Summary
doc-the-facts = The facts
doc-qualifications-by-legal-system = Qualifications by legal system
doc-international-obligations-engaged = International obligations engaged
doc-comparison-across-systems = Comparison across systems
doc-sentencing-scale = Sentencing scale
doc-limitation-and-jurisdiction = Limitation and jurisdiction
doc-what-this-report-is-and = What this report is and is not
doc-elements-of-each-provision = Elements of each provision
doc-facts-still-unknown-that-matter = Facts still unknown that matter
doc-verification-warnings = Verification warnings
doc-annex = Annex
doc-written-report = written report
doc-report-on-the-qualification-of = Report on the qualification of the facts
doc-redacted-report-the-case-title = REDACTED REPORT: the case title, the notes, free-text fields and identifying fields (dates of birth) have been removed. Ages and countries are kept.
doc-removed = Removed
doc-case = Case
doc-date-of-the-facts = Date of the facts
doc-limitation-assessed-on = Limitation assessed on
doc-report-produced-on = Report produced on
doc-notes = Notes
doc-decision-support-not-legal-advice = Decision support, not legal advice.
doc-check-every-qualification-against-the = Check every qualification against the official texts before relying on it; provisions marked ⚠ are unverified or rest on secondary sources (annex C). A fact not stated is unknown, never “no”.
doc-decision-support-see-section = Decision support, not legal advice: check every qualification against the official texts (see section 8).
doc-qualification-applies-every-other-element-is = applies: every other element is met; the facts still missing decide which.
doc-qualification-met = met
doc-qualification-either-this-provision-or = Either this provision or
doc-qualification-id = Id
doc-qualification-version-applied = Version applied
doc-qualification-base-penalty-before-aggravations = base penalty, before aggravations
doc-qualification-if-established = If established
doc-qualification-the-possible-aggravations-raise-it = the possible aggravations raise it up to
doc-qualification-if-the-possible-aggravations-are = If the possible aggravations are established, up to
doc-qualification-milder-later-law = Milder later law
doc-qualification-milder-later-law-in-force = Milder later law, in force from
doc-qualification-pending-reform = Pending reform
doc-qualification-not-applied-from = not applied; from
doc-qualification-pending-reform-not-applied = Pending reform, not applied
doc-qualification-from = from
doc-qualification-other-reading = Other reading
doc-qualification-other-reading-of-the-penalty = Other reading of the penalty (sources conflict)
doc-qualification-sets-the-penalty-applied = sets the penalty applied
doc-qualification-superseded-by-a-more-severe = superseded by a more severe aggravation
doc-qualification-aggravation = Aggravation
doc-qualification-aggravations = Aggravations
doc-qualification-still-to-establish = Still to establish
doc-qualification-jurisdiction = Jurisdiction
doc-qualification-notes-of-the-legal-data = Notes of the legal data
doc-qualification-as-for = as for { $provision }
doc-qualification-notes-given-above = { $count ->
        [one] 1 note given above under { $provisions }
       *[other] { $count } notes given above under { $provisions }
    }
doc-scale-a-scale-gives-a-starting = A scale gives a starting point and a range for comparison; it binds no court outside its own jurisdiction.
doc-scale-no-sentencing-scale-in-the = No sentencing scale in the data.
doc-scale-range-used = Range used
doc-scale-not-official = , not official
doc-scale-range-of = Range of
doc-scale-a-proposal-not-an-official = a proposal, not an official guideline
doc-scale-no-guideline-range-for-these = No guideline range for these facts: the sentence against each system's maximum
doc-scale-not-an-official-guideline = NOT AN OFFICIAL GUIDELINE
doc-scale-category-label = Category
doc-scale-role-label = Role
doc-scale-still-possible = Still possible
doc-scale-a-fact-that-decides-it = a fact that decides it is unknown
doc-scale-is-still-possible-a-fact = is still possible: a fact that decides it is unknown
doc-scale-starting-point = Starting point
doc-scale-range = Range
doc-scale-capped = Capped
doc-scale-by-the-statutory-maximum-at = by the statutory maximum at
doc-scale-range-capped-by-the-statutory = Range capped by the statutory maximum at
doc-scale-verification-of-this-cell = Verification of this cell
doc-scale-none-the-category-or-the = none: the category or the role is not determined by the facts given
doc-scale-no-starting-point-the-category = No starting point: the category or the role is not determined by the facts given.
doc-scale-statutory-maximum = Statutory maximum
doc-scale-proportionality-of-the-sentence-imposed = Proportionality of the sentence imposed
doc-scale-custodial-term-imposed = Custodial term imposed
doc-scale-proposal-not-official = {" "}(proposal, not official)
doc-scale-the-starting-point = the starting point
doc-scale-of-the-maximum = of the maximum
doc-scale-real-outcomes-for-comparable-facts = Real outcomes for comparable facts (examples, not rules)
doc-scale-court-and-date = Court and date
doc-scale-sentence = Sentence
doc-scale-nature = Nature
doc-scale-summary = Summary
doc-summary-warnings-about-what-is-retained = Warnings about what is retained
doc-summary-facts = Facts.
doc-summary-certain-maximum-of-the-qualification = Certain maximum of the qualification retained in each system; when nothing applies, the most severe possible one (dashed).
doc-summary-qualification-retained-what-a-prosecutor = Qualification retained: what a prosecutor would charge once subsidiarity, alternatives and participation are resolved; when nothing applies, the most severe possible one.
doc-summary-system = System
doc-summary-qualification-retained = Qualification retained
doc-summary-penalty-at-the-date-of = Penalty at the date of the facts
doc-summary-the-disparities-that-matter-most = The disparities that matter most
doc-summary-same-as-above = same as above
doc-system-other-provisions-with-the-same = other provisions with the same status have a maximum that is not confirmed and may be higher:
doc-system-possible = possible
doc-system-excluded = excluded
doc-system-apply = apply
doc-system-data-last-verified = data last verified
doc-system-applicable = applicable
doc-system-each-with-its-elements-its = each with its elements, its penalty and the facts still to establish, in annex A.
doc-unknown = unknown
doc-verified-in-the-official-text = verified in the official text
doc-unverified-check-the-official-text = UNVERIFIED — check the official text
doc-not-in-force-at-that = not in force at that date
doc-territory = territory
doc-nationality-of-the-offender = nationality of the offender
doc-residence-of-the-offender = residence of the offender
doc-nationality-of-the-child = nationality of the child
doc-residence-of-the-child = residence of the child
doc-complicity-from-the-territory = complicity from the territory
doc-presence-of-the-offender = presence of the offender
doc-below-the-range = below the range
doc-within-the-range = within the range
doc-above-the-range = above the range
doc-above-the-statutory-maximum = ABOVE the statutory maximum
doc-within-the-statutory-maximum = within the statutory maximum
doc-not-criminalised = not criminalised
doc-penalty-gap = penalty gap
doc-below-the-minimum-standard = below the minimum standard
doc-age-threshold = age threshold
doc-limitation = limitation
doc-unverified-law = unverified law
doc-major = MAJOR
doc-warning = warning
doc-obligations = obligations
doc-provisions = provisions
doc-verified-official-text = verified (official text)
doc-secondary-sources-only = secondary sources only
doc-unverified = unverified
doc-qualifications-that-apply = Qualifications that apply
doc-qualifications-still-possible = Qualifications still possible
doc-not-determined-by-the-facts = not determined by the facts given
doc-date-of-verification-not-recorded = date of verification not recorded
doc-aggravating-factors = Aggravating factors
doc-mitigating-factors = Mitigating factors
doc-status = Status
doc-verification = Verification
doc-provision = Provision
doc-limitation-label = Limitation
doc-sources = Sources
doc-fact = Fact
doc-none = None.
doc-not-stated = not stated
doc-starting-point = starting point
doc-jurisdiction = jurisdiction
doc-in-force-from = in force from
doc-life = life
doc-last-verified = last verified
doc-section-case = Case
doc-section-victim = Child
doc-section-offender = Offender
doc-section-act = Acts
doc-section-grooming = Grooming
doc-section-exploitation = Exploitation
doc-section-live = Live-streamed abuse
doc-section-material = Child sexual abuse material
doc-section-sentence = Sentence imposed
doc-statement-1 = qualif is a decision-support tool. It applies legal data encoded from the texts to the facts stated in the case file and shows its reasoning element by element. It is not legal advice, and this report is not an opinion on guilt or on the sentence: it does not replace reading the official texts, the case law and the file.
doc-statement-2 = A fact that the case file does not state is treated as unknown, never as absent: a qualification marked possible depends on facts still to establish, listed at the start of this report.
doc-statement-3 = Every provision carries a verification label. A provision marked unverified, or resting on secondary sources only, must be checked against the official text before it is relied on. Penalties are the maxima and minima the law provides, not predictions of a sentence.
doc-statement-4 = Limitation periods do not take interruptions or suspensions into account. Comparisons across systems are made by conduct classes and may miss nuances of each law. A sentencing scale marked as a proposal is not an official guideline.
doc-summary-fact = { $label }: { $value }
doc-summary-fact-separator = ;{" "}
doc-scale-sentence-community = { $level } level community order
doc-scale-sentence-weeks = { $weeks } weeks' custody
doc-scale-sentence-custody = { $term } custody

## A period of facts (first act to last act)
# What joins a label to its value ("Penalty: …").
label-separator = {": "}
# What separates the items of a list whose items hold commas.
list-separator = {"; "}
period-heading = Period of facts
period-span = acts from { $first } to { $last }: the law in force at the last act is applied
period-no-change = the law of what is retained did not change within the period
period-changed-on = the provision retained changed within the period (in force from { $dates })
period-at-first = under the law at the first act, with the facts as they stood then: { $provision } — { $penalty }
period-at-first-nothing = under the law at the first act, with the facts as they stood then: nothing retained for certain
period-first-milder = milder than the penalty applied: acts before the change cannot be punished more severely than that law allowed
period-first-harsher = more severe than the penalty applied: the milder later law also governs the earlier acts
period-first-same = the same penalty as the one applied
period-first-acts = first acts
period-rule-each-act = this system's rule: each act's limitation runs from its own date ({ $verification })
period-rule-last-act = this system's rule: limitation runs from the last act of the period ({ $verification })
period-no-rule = the data gives no rule of this system for a period of facts: check by hand which law governs the earlier acts
