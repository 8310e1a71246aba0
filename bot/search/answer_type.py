"""What kind of answer a question asks for, and whether a text holds one.

"When …?" wants a date, "what time …?" a time of day, "how long …?" a duration, "how much …?"
an amount, "what % …?" a share, "how many …?" a number (not a sum of money, a year, a date or
a duration), "where …?" a place ("where do I apply?": a link, an e-mail address, a portal),
"how often …?" a frequency, "what hours …?" when one works (clock times, hours a week,
shifts), "who is the …?" or "what's the name of …?" someone's name (or a
title: "the Head of Forecasting"), "who do I contact?" a way to reach someone (an e-mail address,
a handle, "message …"), "who …?" a person. A passage that talks about the
right topic but holds no such thing ("How much do interns get paid?" against a post that
never states pay) does not answer it. Yes/no questions ("Is there a deadline?") ask for no
particular kind: "No, admission is ongoing" answers them.

Only what the text adds counts: a year or a number that the question itself contains
("when do the 2023 internships start?") is not evidence of an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

AnswerKind = Literal[
    "date", "time", "duration", "amount", "share", "count", "place", "frequency", "name", "contact", "person", "weekdays", "quantity",
    "schedule", "terms", "age", "workplace",
]

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|dozen|"
    "a few|several"
)
_NUMBER = rf"(?:\d+(?:[.,]\d+)*|{_NUMBER_WORDS})"
# money given to someone, whose sum a question may ask by its size ("the max grant")
_GIVEN_MONEY = r"(?:grants?|awards?|bursar(?:y|ies)|scholarships?|stipends?|prizes?|funding|loans?|allowances?)"
_UNIT = r"(?:hours?|days?|weeks?|months?|years?|semesters?|quarters?)"
# "5+ years", "5 or more years", "20 or more hours a week": a bound said after the number
_OR_MORE = r"(?:\+|\s+or\s+(?:more|longer|over|above|fewer|less))?"
# ISO codes of currencies a posting may state pay in ("NOK 650,000", "12,000 SEK")
_CURRENCIES = (
    "usd|eur|gbp|cad|aud|nzd|chf|nok|sek|dkk|isk|pln|czk|huf|jpy|cny|rmb|inr|sgd|hkd|krw|brl|mxn|zar|aed|ils"
)
_MONEY_NAMES = r"dollars?|euros?|pounds?|francs?|kron(?:a|or|e|er)|yen|rupees?|yuan"
_MONEY_UNIT = re.compile(rf"(?:{_CURRENCIES}|{_MONEY_NAMES})")


def money_unit(word: str) -> bool:
    """Tell whether a word names a currency ("usd", "euros")."""
    return _MONEY_UNIT.fullmatch(word) is not None


_MONTHS = (
    r"(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
)

# a date, a time, or no date at all ("rolling"); answers to "when": these and the words
# "start date", "deadline", "closes" (:data:`_HOLDS`), but only these date a deadline or a start
_CALENDAR_DATES = (  # the days of a calendar
    rf"\b{_MONTHS}|\bmay\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+may\b"
    r"|\b(?:19|20)\d\d\b|\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b"
    r"|\b(?:ongoing|rolling|any ?time|throughout the year)\b"
)
_DATES = _CALENDAR_DATES + r"|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?(?:am|pm)\b|\b(?:noon|midnight)\b"  # ... and times of day
_DATED = re.compile(_DATES)
_CALENDAR = re.compile(_CALENDAR_DATES)

# What "how much …" is followed by when it asks what something costs or pays ("how much is
# it?", "how much does it pay?") ...
_HOW_MUCH_OF_MONEY = (
    "is|are|was|were|do|does|did|will|would|can|could|should|might|may|a|an|the|it|its|i|you|u|ya|we|"
    "they|he|she|my|your|ur|their|our|this|that|these|those|of|for|per|more|less|extra"
)
# ... or the words that say it does, there or later in the question ("how much money",
# "how much research money")
_MONEY_WORDS = (
    "pay|pays|paid|payment|salary|salaries|stipends?|wages?|compensation|comp|costs?|fees?|prices?|"
    "money|cash|budgets?|allowances?|earn|earns|bonus(?:es)?|funding|grants?|claim|reimburse\\w*|dollars?|euros?|pounds?"
)

_TERMS_ASKED = r"(?:permanent|permanant|perm|temporary|temp|fixed[- ]term)"

# "holiday allowance", "annual leave entitlement": how much time off, not money
_LEAVE_ALLOWANCE = (
    r"\b(?:holiday|holidays|leave|vacation|pto)\s+(?:allowances?|entitlements?)\b"
    # "how many holidays?": days of leave, counted in days ("30 days of holiday")
    r"|\bhow many (?:paid\s+)?(?:holidays|vacations|pto)\b"
)

# The question patterns, tried in order (the first match decides).

# a yes-or-no question that says a length of time: "is the internship 12 weeks?", "does it
# last a year?", "can it be around 6 months", "is the residency a full year thing or
# shorter?" (not an age, an experience, a time ago or a rate: "5 years of experience",
# "50k a year")
_DURATION_SAID = (
    r"\b(?:last|lasts|run|runs|be|is|take|takes)\s+(?:for\s+)?(?:around|about|roughly|approximately|only|just|"
    r"at least|at most|more than|less than|longer than|shorter than|over|under|up to)?\s*"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})[\s-]+(?:full[\s-]+|whole[\s-]+)?"
    r"(?:years?|months?|weeks?)\b(?![\s-]+(?:of|old|ago|experience|before|after|notice|off))"
    r"|^(?:is|are|does|do|will|would|can|could)\b.*\b(?:a|an|the)\s+(?:full|whole)[\s-]+(?:years?|months?|weeks?)\b"
    r"(?![\s-]+(?:of|old|ago|experience))"
    r"|\b(?:longer|shorter)\s+than\s+(?:a|an|one|two|three|four|five|six|\d{1,2})[\s-]+(?:years?|months?|weeks?)\b"
    r"|^(?:is|are|was)\b(?!.*(?:[$€£]|\bpa(?:y|id)\b|\bsalar|\d+k\b))(?:(?!\b(?:every|per|each|in|within|a)\b).)*"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})[\s-]+"
    r"(?:years?|months?|weeks?)(?:[\s-]+long)?\s*[?.!]*$"
)

_ASKS: tuple[tuple[AnswerKind, re.Pattern[str]], ...] = (
    ("frequency", re.compile(r"\bhow (?:often|frequently)\b")),
    # "which days would I work?", "what days of the week is it?", "which weekdays?": days of
    # the week, not dates
    (
        "weekdays",
        re.compile(
            r"\b(?:which|what|wat) (?:days|weekdays?)\b(?! (?:of|in) (?:the )?(?:year|month))|\bdays? of the week\b"
        ),
    ),
    # "how old do you need to be?", "is there an age limit?", "im 16, can i volunteer?": an age
    ("age", re.compile(
        r"\b(?:how old|what ages?|old enough|too old|too young|age (?:limit|requirement|restriction|range)s?|"
        r"(?:minimum|maximum|upper|lower|min|max) age)\b"
        r"|\b(?:i'?m|i am|he'?s|she'?s|he is|she is|(?:my|our) \w+ is)\s+(?:only\s+|just\s+)?[1-9]\d\b"
        r"(?!\s*(?:%|hours?|hrs?|mins?|minutes?|days?|weeks?|months?|miles?|km|k\b))"
        r"|\bi'?m in my (?:teens|[2-9]0s)\b"
        r"|\b[1-9]\d[\s-]*(?:years?|yrs?|y)[\s-]*olds?\b|\b[1-9]\d\s*(?:y/?o|yo)s?\b"  # "can a 17 yr old do it?", "16 year olds"
    )),
    # "what hours would I work?", "what are the hours for the analyst?": when one works, in
    # clock times, hours a week, days or shifts
    ("schedule", re.compile(
        r"\b(?:what|which|wat)(?: are| r| is| will| would)?(?: the| my| your| ur| our| their)?"
        r"(?: working| work| shift| office| core| opening| daily| weekly)? hours\b"
        # "how much of my week will it take up?", "time commitment?": the hours it takes, in a
        # week or a day (not "how much of my salary" nor "of my time … travel", shares, nor
        # "how much time", a length)
        r"|\bhow much of (?:my|your|ur|the|a|their|our|one'?s) (?:weeks?|days?|weekends?|evenings?)\b"
        r"|\btime commitments?\b"
    )),
    # "what %?", "commission %?", "the penalty rate % for nights", "what's the acceptance rate?": a
    # percentage (not "100% remote", a number said)
    ("share", re.compile(
        r"\bwhat ?%|\b(?:what|which) (?:percent|percentage|proportion|fraction|share)\b|(?<![\d.])\s?%"
        r"|\b(?:commission|acceptance|success|pass|completion|retention|conversion|matching|interest|tax|penalty) rates?\b"
    )),
    ("duration", re.compile(rf"{_LEAVE_ALLOWANCE}|{_DURATION_SAID}|\bhow long\b|\bhow much (?:[a-z]+ )?(?:time|vacation|holidays?|leave|notice|pto|experience|exp)\b|\bhow many (?:(?!(?:a|an|per|each|every)\b)[a-z-]+ ){{0,2}}{_UNIT}\b|\b(?:what|whats|what's)\b.*\b(?:duration|length)\b")),
    ("amount", re.compile(
        # "how much training / travel / compute?" asks how much of a thing, not what it costs
        rf"\bhow much\b(?!\s+(?!(?:{_HOW_MUCH_OF_MONEY})\b)(?!.*\b(?:{_MONEY_WORDS})\b)[a-z])|\b(?:what|whats|what's|which|how big|how large)\b.*\b(?:salary|salaries|pay|paid|payout|earn|earns|stipend|"
        r"wage|compensation|cost|fee|fees|price|budget|money|allowance|hourly)\b"
        r"|\b(?:what|whats|what's)\b.*\bworth\s*[?.!]*$"  # "what's the bursary worth?"
        # "how's the pay for the qc tech job?", "how is the salary?": how good the pay is, said by its sum
        # (not "how is pay decided?", "how are wages paid?": how it works)
        r"|\bhow(?:(?:'s|s|\s+is)?\s+(?:the|their|your)|'s|s|\s+is)\s+(?:pay|salary|wages?|stipends?|compensation|comp)\b"
        r"(?!\s+(?:is\s+|are\s+)?(?:decided|calculated|set|paid|worked|structured|reviewed|determined|made)\b)"
        # "is the residency paid?", "do apprentices get paid?": yes or no, said by the pay
        # (or by "unpaid")
        # (not "do students get their travel costs paid?", a thing paid for)
        r"|^(?!.*\b(?:costs?|travel|relocation|fees?|expenses?|tuition|flights?|accommodation|housing|visas?|moving)\b)"
        r"(?:(?!\b(?:for|during|when|while|if|on|in)\b).)*\b(?:is|are|do|does|will)\b(?:(?!\b(?:for|during|when|while|if|on|in)\b).)*\b(?:paid|get paid)"
        # ("is it paid or unpaid lol")
        r"(?:\s+or\s+(?:not|unpaid|volunteer\w*))?(?:\s+(?:lol|lmao|haha|tbh|ngl|tho|though|rn|pls|plz))*\s*[?.!]*$"
        # "what does the lead installer make?": what a person in a role makes is their pay
        # (what a company makes is its products)
        r"|\bwhat (?:do|does|did|would|will|can) (?:an?\s+|the\s+|our\s+|their\s+)?(?:[a-z-]+\s+){0,3}"
        r"(?:[a-z]+(?:er|or|ist|ian|ant|ee)s?|interns?|fellows?|apprentices?|residents?|trainees?|staff|employees?|grads?|graduates?)"
        r"\s+(?:make|makes|take home)(?:\s+(?:a|an|per|each|every|on|hourly|annually|monthly|weekly)\b[^?.!]*)?\s*[?.!]*$"
        # "how big are the growth grants?", "what's the most you can get?", "minimum amount to ask for"
        r"|\bhow (?:big|large|generous)\b.*\b(?:grants?|awards?|bursar(?:y|ies)|scholarships?|prizes?)\b"
        r"|\b(?:max|maximum|most|min|minimum|least)\b(?: \w+){0,2} (?:you|i|we|one) (?:can|could|may) "
        r"(?:get|receive|apply for|ask for|request|claim|win)\b|\b(?:max|maximum|min|minimum) amount\b"
        # "whats the max kindling grant", "kindling grant amount": the sum of money given
        rf"|\b(?:max|maximum|biggest|largest|min|minimum|smallest)\s+(?:[a-z-]+\s+)?{_GIVEN_MONEY}\b"
        rf"|\b{_GIVEN_MONEY}\s+(?:amounts?|size|sizes)\b|\b(?:amount|size) of (?:the |a |an )?(?:[a-z-]+\s+)?{_GIVEN_MONEY}\b"
    )),
    # "how much training / travel / compute?": how much of a thing, in whatever it is measured in
    ("quantity", re.compile(r"\bhow much\b")),
    # "how big is the team?", "how large are the cohorts?" ask for a number
    ("count", re.compile(r"\bhow many\b|\bhow (?:big|large)\b|\bwhat size\b")),
    # "what time does it start?" wants a time of day; "what time of year?" a date
    ("time", re.compile(r"\b(?:what|which) time\b(?! (?:of|in) (?:the )?(?:year|month|week|semester))")),
    # "when" as the question word, not a conjunction ("what do they look for when picking?");
    # "which months?", "what day?"
    ("date", re.compile(
        r"(?:^|[,;:.!?(-]\s*|\b(?:and|so|but|then|by|until|since|know|tell me|say|wondering|find out|sure)\s+)when\b"
        r"|\bwhen\s*[?.!]*$|\b(?:what|which|wat) (?:date|day|months?)\b|\bwhat time\b"
        r"|\b(?:what|whats|what's|which)\b.*\b(?:deadline|start date|due date|closing date|last day|dates)\b"
    )),
    ("place", re.compile(
        r"\bwhere\b|\b(?:what|whats|what's|which)\b.*\b(?:city|cities|country|countries|location|office|"
        r"offices|locations|places|region|place|timezone|time zone|part of the world|building|campus|floor|room|address)\b"
        # the noun asked about, not a word naming another ("which roles are for the city launch")
        r"(?=\s*(?:[?.!,;:)]|$|(?:is|are|was|were|do|does|did|will|would|can|could|should|in|of|for|to|at|on|"
        r"from|i|we|you|they|it|he|she|the|a|an|this|that|exactly|again|pls|please)\b))"
        r"|\b(?:what|whats|what's|which)\b.*\bbased (?:at|in|out of)\b"  # "which substation is it based at?"
    )),
    # "who do I contact?", "who should I email / reach out to?", "how do I get in touch?"
    ("contact", re.compile(
        # (not "who does the phone screen?", a step of hiring: it asks who takes it)
        r"\bwhom?\b.*\b(?:contact|e-?mail|reach|write to|talk|speak|message|dm|ring|phone(?! (?:screen|interview|call)))\b"
        r"|\bphone (?:number|no)\b"
        r"|\b(?:what|which) (?:number|no\.?) (?:do|can|should) (?:i|we) (?:call|ring)\b"
        r"|\bhow (?:do|can|should|could) (?:i|we|you) (?:contact|reach|get in touch|get hold)\b"
        r"|\bcontact (?:info|information|details|address|person|e-?mail)\b"
    )),
    # "who is the head of …?", "who are the judges?", "what's the name of …?" ask who someone is:
    # a name or a title answers, not "the team" (but "who is the contact for …?" asks for a contact)
    ("name", re.compile(
        r"^(?!.*\b(?:contact|reach|e-?mail|write|talk|speak|message|ask|send)\b)"
        r"(?:.*\bnames? of\b|.*\b(?:what|whats|what's)\b[^,;:.!?]*\bnames?\b"
        r"|(?:.*[,;:.!?]\s*|.*\b(?:and|so|but|then)\s+)?who(?:'s|s| is| are| was| were) the\b(?!.*\bfor\s*[?.!]*$))"
    )),
    # any other "who" ("who runs the program?", "who will I work with?"); not a relative "who"
    # ("people who apply") nor who may take part ("who can apply?" asks who is eligible, "who is it for?" whom it serves)
    ("person", re.compile(
        r"(?:(?:^|[,;:.!?]\s*|\b(?:and|so|but|then)\s+)whom?\b"
        r"(?! (?:can|may|should|could) (?!i\b|we\b|you\b)| (?:is|are) eligible\b|.*\bfor\s*[?.!]*$))"
        r"|\bwhom? (?:do|should|can|could|would|will) (?:i|we|you)\b"
    )),
    # "is the analyst job remote?", "can I work from home?" (said as "remotely"), "remote or
    # office?": where one works (not "the remote data science intern", a role's name, nor
    # "any remote jobs?", which asks for roles)
    ("workplace", re.compile(
        r"\b(?:remotely|on[- ]?site|office[- ]based|(?:be|work|working|go|come|commute)\s+(?:in|into|to)\s+the office)\b"
        r"|\b(?:remote|hybrid)(?=\s*(?:[?.!,;:)]|$|(?:or|and|at all|anywhere|from|for|in|on|working|work|option|possible|ok)\b))"
        # "is quillfern online?", "is the summer school in person?" (not "can I apply online?"
        # nor "is the interview in person?": steps of applying are taken where one is)
        r"|^(?!.*\b(?:apply|applying|applications?|submit\w*|register\w*|enrol\w*|pay|forms?|interviews?|exams?|tests?|"
        r"assessments?)\b)"
        r".*\b(?:in[- ]person|online)(?=\s*(?:[?.!,;:)]|$|(?:or|and|at all|only)\b))"
    )),
    # "is the QA officer job permanent?", "temp or long term?": on what terms one is employed
    # (not "is there a permanent job at the end?", which asks what comes after)
    ("terms", re.compile(
        rf"\b(?:is|are|will|would)\b(?! there\b)(?:\s+[\w'-]+){{0,6}}?\s+(?:a\s+)?{_TERMS_ASKED}\b"
        rf"|\b{_TERMS_ASKED}\s+or\s+(?:{_TERMS_ASKED}|contract|long[- ]?term|short[- ]?term)\b"
    )),
)

_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"  # a day of the week by its name
# A weekday that names one occasion, not the days of a week: "on the last Thursday", "the
# first Monday" (but "the first Monday of each month" recurs), "Thursday 5 June"
_ONE_OCCASION = re.compile(
    rf"\b(?:last|first|final|next|following|opening|closing)\s+{_WEEKDAY}\b(?!\s+(?:of|in)\s+(?:each|every|the)\b)"
    rf"|\b{_WEEKDAY},?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
)

# pay said as a multiple of the pay ("paid at time and a half", "1.5 times the base rate"):
# what extra hours or days earn, not what the job pays
_MULTIPLE_OF_PAY = (
    r"\btime[\s-]and[\s-]a[\s-]half\b|\bdouble[\s-]time\b|\b(?:1\.5|2|two|one and a half)\s*(?:×|x|times)\s+(?:the\s+|your\s+)?"
    r"(?:base |normal |usual |standard |regular |hourly )?(?:rate|pay)\b"
)
# ... and a count of time per time, which reads like a sum per hour or week and is none
# ("Contracted hours are 45 per week", "shifts: 4 a week")
_NO_PAY_SAID = re.compile(
    rf"{_MULTIPLE_OF_PAY}|\b(?:hours?|days?|shifts?|nights?|sessions?)\b[^.;,\d$€£¥₹]{{0,20}}\b\d[\d,.]*\s*(?:per|/|an|a)\s*(?:day|week|month|year)\b"
)
_HOLDS: dict[AnswerKind, re.Pattern[str]] = {
    # "Contract: Fixed term, 12 months (maternity cover)", "Full-time, Permanent", "a
    # six-month contract": the terms one is employed on
    "terms": re.compile(
        rf"\b(?:permanent|temporary|fixed[- ]term|maternity cover|parental leave cover|seasonal|casual|zero[- ]hours|"
        rf"open[- ]ended|{_NUMBER}[- ]months?(?: fixed[- ]term)? (?:contract|post|position|role|placement|appointment))\b"
    ),
    "frequency": re.compile(
        # (not "a $150 weekly on-call stipend", "$20 per month": a rate of money)
        r"\b(?:(?:daily|weekly|biweekly|monthly|quarterly|yearly|annually)"
        r"(?!\s+(?:[a-z-]+\s+){0,2}(?:stipends?|pay|allowances?|salary|wages?|rates?|budgets?|fees?)\b)"
        r"|once|twice|(?<!\d )per (?:day|week|month|year))\b"
        r"|\btimes a\b"
        # "every week", "each term", "every other Friday", "every third weekend", "every two
        # weeks", "one week in every six"; not "every student", "we read every script"
        r"|\b(?:every|each)\s+(?:(?:other|alternate|few|couple of|\d+(?:st|nd|rd|th)?|two|three|four|five|six|"
        r"second|third|fourth|fifth|sixth)\s+)?"
        rf"(?:(?:day|week|fortnight|month|year|term|semester|quarter|morning|afternoon|evening|night|shift|weekend)s?|{_WEEKDAY})\b"
        r"|\b(?:one|a|an|\d+)\s+(?:day|week|weekend|month|shift|night)s?\s+in\s+(?:every\s+)?"
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\b"
    ),
    "duration": re.compile(
        rf"\b{_NUMBER}{_OR_MORE}[\s-]*(?:\(\d+\)\s*)?(?:to|-|–)?\s*(?:{_NUMBER}[\s-]*(?:\(\d+\)\s*)?)?"
        # "three working days", "25 paid vacation days"; not "12 interns a year" nor "posted 9 days ago"
        rf"(?:(?!(?:a|an|the|per|each|every|of|in|for|and|or|last|next|this|that)\b)[a-z]+\s+){{0,2}}?{_UNIT}\b(?!\s+ago\b)"
        r"|\b(?:full|half)[\s-]year\b"
    ),
    "amount": re.compile(
        rf"[$€£¥₹]\s?\d|\d\s?(?:k|{_CURRENCIES})\b|\b(?:{_CURRENCIES})\s?\d"
        rf"|\d\s?(?:{_MONEY_NAMES})\b"
        r"|\b\d[\d,.]*\s*(?:per|/|an|a)\s*(?:hour|hr|day|week|month|year|annum)\b"
        # ("an unpaid 30-minute break", "unpaid leave" say nothing of what a job pays)
        r"|\bno (?:fees?|costs?|charge)\b|\bfree of charge\b|\bfor free\b"
        r"|\bunpaid\b(?!\s+(?:\d+[- ]?(?:minute|min|hour|day|week)s?\s+)?(?:breaks?|lunch(?:es)?|leave|days?|time|holidays?|"
        r"hours?|meal|sabbaticals?|absences?|overtime)\b)"
        # nothing to pay, said in words: "Participation is free", "We don't charge any programme fees"
        r"|\bno (?:\w+ )?(?:fees?|costs?|charges)\b|\b(?:is|are|it's|completely|entirely|totally) free\b(?! from\b)"
        # "Cost: free for everyone, including food"
        r"|\b(?:costs?|fees?|price|tuition)\s*:\s*(?:free|none|nothing|no charge)\b"
        r"|\bfree (?:for|to) (?:everyone|all|anyone|participants|attendees|students|you|attend|join|take part)\b"
        r"|\b(?:don't|do not|doesn't|does not|won't|will not|never) charge\b|\bcosts? nothing\b"
        # pay said without a sum, which is all a posting may say of it
        r"|\bcompetitive (?:salary|salaries|stipends?|pay|compensation|wages?)\b"
        # a rate by its multiple: "holiday shifts are paid at time and a half", "1.5 times the base rate"
        rf"|{_MULTIPLE_OF_PAY}"
        # "Mentors are not paid", not "the remaining instalments are not paid" nor "the budget is not paid to you"
        r"|(?<![a-z])(?!(?:instalments?|installments?|payments?|budgets?|amounts?|sums?|stipends?|grants?|expenses|"
        r"costs?|fees?|allowances?|money|funds?|bonus(?:es)?|wages?|salary|salaries) )[a-z]+ (?:is|are|will be) not paid\b"
        r"(?! (?:to|out|back|for|into|until|unless|if)\b)"
    ),
    "count": re.compile(rf"\b{_NUMBER}\b"),
    "quantity": re.compile(rf"\b{_NUMBER}\b|\d\s?%|\b(?:half|a third|a quarter)\b"),
    "weekdays": re.compile(
        rf"\b{_WEEKDAY}\b|\b(?:mon|tue|wed|thu|fri|sat|sun)\b|\bweekdays?\b|\bweekends?\b"
        r"|\bevery day\b|\bdaily\b|\bseven days a week\b"
    ),
    # "Location: Leeds (hybrid)", "remote anywhere in the UK", "in the office on Tuesdays",
    # "This is an on-site role", "a distributed team … work from wherever you are": where one
    # works (the question's own word answers it too)
    "workplace": re.compile(
        # ("on-site parking", "an on-site gym" are amenities, not where one works)
        # ("a remote interview" is a step of hiring, not where one works)
        # ("remote sensing", "remote areas" are a science and a kind of place)
        r"\b(?:remote(?!\s+(?:[a-z]+\s+)?(?:interviews?|calls?|meetings?|assessments?|sessions?|screens?|onboarding)\b)"
        r"(?!\s+(?:sensing|areas?|regions?|communities|locations?|villages?|islands?|parts|rural|control|monitoring|"
        r"access|desktop)\b)|"
        # a programme run online: "100% online", "Everything else happens online" (not "apply online")
        r"(?:100% |fully |entirely |completely |all |only |happens |held |runs? |taught |delivered |takes? place )online|"
        r"online[- ]only|online or in[- ]person|"
        r"remotely|hybrid|on[- ]?site(?![- ](?:parking|car park|gym|canteen|caf[eé]|restaurant|accommodation|"
        r"housing|childcare|nursery|shop|clinic|facilities|amenities)\b)|in[- ]person|from home|home[- ]based|office[- ]based|"
        r"work(?:ing)? from (?:the|our|an?|home|anywhere|wherever|any (?:location|country|city|place))|"
        r"(?:fully |globally )?distributed (?:team|company|organi[sz]ation|workforce)|(?:days?|times?) (?:a|per) week (?:in|at)|"
        r"in (?:the|our) (?:\w+ )?office (?:on|every|(?:\w+ )?days?))\b"
    ),
    # "aged 16 or 17", "18 or older", "at least 18 years old", "ages 15 to 18", "no upper age limit"
    "age": re.compile(
        r"\bage[ds]?\s*(?:of|is|:|-)?\s*(?:between\s+|(?:under|over|below|above|at least|up to)\s+)?\d{1,2}\b|"
        r"\b(?:under|over)[\s-]\d{2}s\b|\b\d{1,2}\s*(?:\+|or (?:over|older|above|under|younger)|"
        r"and (?:over|older|above|up|under)|years? (?:old|of age))|\b(?:over|under) the age of\b|"
        r"\b(?:no|an?|the) (?:upper |lower |minimum |maximum )?age limit\b|"
        r"\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}[- ]year[- ]olds?\b|\b(?:teenagers?|any age|all ages)\b"
    ),
    "share": re.compile(r"\d\s?%|\bper ?cent\b|\b(?:half|a third|a quarter|majority|most of|all of|none of)\b"),
    "time": re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)|\b(?:noon|midday|midnight)\b"),
    # clock times, hours a week or a day, shifts, days of the week
    "schedule": re.compile(
        r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)|\b(?:noon|midday|midnight)\b"
        rf"|\b{_NUMBER}(?:\.\d+)?(?:\s*(?:to|-|–)\s*{_NUMBER})?[\s-]*(?:hours?|hrs?)(?:\s+(?:a|per|each|every)\s+(?:week|day|month)|[\s-]+(?:shifts?|days?|weeks?))\b"
        r"|\b(?:night|day|early|late|evening|morning|rotating|weekend) shifts?\b|\b\d on\s*[,/]?\s*\d off\b"
        r"|\bhours\b[^.;]{0,20}?\b\d+(?:\.\d+)?\s+(?:a|per)\s+(?:week|day)\b"  # "core hours are 37.5 a week"
        rf"|\b{_NUMBER}(?:\s*(?:to|or|-|–)\s*{_NUMBER})?[\s-]*days?\s+(?:a|per|each|every)\s+week\b"  # "two days a week"
        rf"|\b{_WEEKDAY}\b|\bweekends?\b"
    ),
    # ... and a day that comes round again ("on the first Monday of each month", "every Tuesday")
    "date": re.compile(
        rf"{_DATES}|\b(?:start dates?|deadline|closes|opens)\b"
        rf"|\b(?:first|second|third|fourth|last|every|each)\s+{_WEEKDAY}"
    ),
    "place": re.compile(
        r"\b(?:remote|remotely|on[- ]?site|hybrid|office|offices|located|locations?|based in|headquarter(?:s|ed)?|relocat\w*|"
        r"wherever|anywhere|emea|apac|latam|americas|europe|asia|africa|oceania|north america|south america|"
        r"city|country|countries|timezone|time zone)\b"
        r"|\b(?:in|at|from|near) (?:our |the )?(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+|[A-Z]{2,})"  # "in Montréal", "at our Leeds workshop", "at the Mas de l'Étourneau"
        r"|\b(?:dormitor(?:y|ies)|apartments?|hostels?|field station|residence hall)\b"  # where one stays
        # "in building 4, room 210, next to the library"; "in lot C behind the gym"
        r"|\b(?:building|room|floor|campus|street|avenue|road|lot|suite|hall|site)\s+(?:\d|(?-i:[A-Z])\b)"
        r"|\b(?:next to|behind|opposite|across from|in front of|beside|upstairs|downstairs)\b"
        # a street address: "at 38 and 40 Alder Street", "77 Millrace Lane"
        r"|\b\d+[a-z]?\s+(?-i:(?:[A-Z][a-z]+\s+){1,3})(?:street|st|road|rd|avenue|ave|lane|drive|way|place|square|boulevard|blvd)\b",
        re.IGNORECASE,
    ),
    # an address, a handle or a phone number, or a way to write ("message Merve", "contact us")
    "contact": re.compile(
        rf"{_EMAIL}|(?<![\w.])@\w+|\+?\d[\d ().-]{{7,}}\d"
        r"|\b(?:contact|reach out|get in touch|write to|e-?mail|message|dm|slack|discord|phone)\b",
        re.IGNORECASE,
    ),
    # a name or title of two or more capitalised words ("Manuel Romero", "Head of Forecasting"),
    # or a handle; the words of a leading determiner are dropped below
    "name": re.compile(
        r"(?-i:\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?: (?:of |for |and |& )?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)+\b)|(?<![\w.])@\w+"
    ),
    "person": re.compile(
        rf"{_EMAIL}|@\w+"
        r"|\b(?:team|teams|mentors?|managers?|recruit\w*|researchers?|engineers?|staff|maintainers?|"
        r"coordinators?|advisors?|supervisors?|contact|email|e-mail|reach out)\b"
        r"|(?-i:\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)+\b)",
        re.IGNORECASE,
    ),
}


# A question that is not a yes/no question ("meta intern salary?", "residency start date")
# asks for what its noun names.
_AUXILIARY = r"(?:is|are|am|was|were|do|does|did|can|could|will|would|should|shall|may|might|must|has|have|had)"
# "do I get paid?", and after a condition: "if I do a PhD during it, do I pay fees?"
_YES_NO = re.compile(
    rf"^{_AUXILIARY}\b|^(?:if|once|after|before|while)\b.*?\b{_AUXILIARY} (?:i|we|you|they|it|he|she)\b"
)
# ... also after what the member says first: "i'm brazilian, would pellwyn sponsor my visa?"
_YES_NO_LATER = re.compile(rf"(?:[,;:.!?]|\b(?:and|but|so))\s+{_AUXILIARY} (?:i|we|you|they|it|he|she|there)\b")
_NOUNS: tuple[tuple[AnswerKind, re.Pattern[str]], ...] = (
    ("duration", re.compile(_LEAVE_ALLOWANCE)),
    ("amount", re.compile(
        r"\b(?:salary|salaries|pay|paid|payout|amounts?|stipend|wage|wages|compensation|comp|cost|fee|fees|price|money|allowance|budget|hourly|"
        r"differential|supplement)\b"
        # "what's the overtime rate?", "night rate for porters": a rate of pay (not "acceptance rate")
        r"|\b(?:overtime|hourly|pay|day|daily|weekly|night|weekend|holiday|shift|on[- ]?call|call[- ]?out|sunday|saturday) rates?\b"
    )),
    ("date", re.compile(r"\b(?:deadline|start date|due date|closing date|last day|dates?)\b")),
    ("duration", re.compile(r"\b(?:duration|length)\b")),
    ("name", re.compile(r"\bnames?\s*[?.!]*$")),  # "payments lead name?"
    ("age", re.compile(r"\b(?:ages?|age limit|minimum age)\s*[?.!]*$")),  # "camp counsellor age?"
    ("place", re.compile(r"\b(?:locations?|city|cities|country|countries|offices?|timezones?|time zones?)\b")),
    ("schedule", re.compile(r"\bhours\s*[?.!]*$")),  # "qc tech hours?"
)
# Words that name a kind of answer without asking for it alone ("any remote jobs?" asks for
# roles): a passage holding that kind says them too ("work from wherever you are" says "remote").
_KIND_WORDS: dict[AnswerKind, re.Pattern[str]] = {
    "workplace": re.compile(r"\b(?:remote|remotely|hybrid|on[- ]?site|wfh)\b"),
}


def kind_nouns(question: str, kind: AnswerKind | None) -> frozenset[str]:
    """Return the nouns of ``question`` that name the kind of answer it asks for ("deadline"
    for a date, "salary" for an amount, "location" for a place). A passage holding an
    answer of that kind says what they ask ("Apply by 15 March" answers "deadline?"), in
    whatever words: it need not use them. Of "start date" only "date": a date need not be a
    start."""
    pattern = (dict(_NOUNS).get(kind) or _KIND_WORDS.get(kind)) if kind is not None else None
    if pattern is None or kind == "name":
        return frozenset()
    return frozenset(m.group(0).split()[-1] for m in pattern.finditer(question.casefold()))


_ASKING = re.compile(r"\bhow (long|much|many|often|far)\b")
_WORTH_ASKED = re.compile(r"\b(?:what|whats|what's)\b.*\bworth\b(?: in total)?\s*[?.!]*$")
# "How long does it last / take?": the verb only asks for the duration.
_DURATION_VERBS = frozenset({"last", "lasts", "take", "takes"})


# "last day to apply", "the cut-off for applications": the deadline, said in words that
# documents do not use for one ("last day of the programme" is its end, and stays)
_DEADLINE_PHRASE = re.compile(
    # (a "gpa cutoff" or "age cut-off" is a threshold, not a date)
    r"\b(?:last|final) (?:day|date)(?= to\b| for (?:app|submi|entr|regist|send))"
    r"|(?<!gpa )(?<!grade )(?<!score )(?<!age )(?<!mark )(?<!marks )(?<!income )(?<!degree )\bcut-? ?offs?\b"
    # "apprenticeship apply by?", "apps due?": by when to apply, said short
    r"|\bapply by(?=\s*[?.!]*$)|\b(?:apps|applications?) due(?=\s*[?.!]*$)",
    re.I,
)


# "wfh", "can I do it from home": remote work, in the word documents use for it ("remote
# work is not available"); "away from home" is travel, not where one works
_REMOTE_PHRASE = re.compile(r"\bwfh\b|(?<!\baway )\bfrom home\b", re.I)


# "what do I send besides a resume?": the resume is known to the member; what else is asked
_BESIDES = re.compile(
    r"\b(?:besides|apart from|aside from|other than|except(?: for)?|in addition to)\s+"
    r"((?:(?!(?:for|in|on|to|at|and|or|with|when|if|do|does|is|are)\b)[\w'’-]+\s*){1,3})",
    re.I,
)


def given_words(question: str) -> str:
    """Return what a question says the member already has or knows ("besides a resume": "a
    resume"), or "" when it says nothing of the kind."""
    return " ".join(m.group(1) for m in _BESIDES.finditer(question))


# "when does the traineeship kick off?": when it starts, in the word documents use for it
# (the verb only: "the Manchester kickoff" is an event)
_START_PHRASE = re.compile(r"\b(?:kick|kicks|kicking|kicked) (?:off|in)\b", re.I)  # "when do benefits kick in?"
# "what's the damage?": what it costs
_DAMAGE_PHRASE = re.compile(r"\bwhat(?:'s|’s|s| is| will be) the damage\b", re.I)
# "what do fellows get?", "what will i get out of it?": what a programme gives, in the words
# documents use for it ("Fellows receive:", "Benefits")
# (the words between are who gets it, with no verb or clause of their own: not "what do
# operators make once they get their grade 2")
_GIVEN_PHRASE = re.compile(
    r"\b(what (?:do|does|will|would|can) (?:(?!(?:make|makes|earn|earns|once|when|if|after|before|they|we|you)\b)[a-z']+ ){1,4}get)\b"
    r"(?! (?:paid|to|in|into|back|there|hired|accepted|selected|picked|told))",
    re.I,
)
# "do they feed us?", "do interns get fed?": meals
_FED_PHRASE = re.compile(r"\b(feed (?:us|me|you|u|them|interns|fellows|volunteers|residents|participants)|get fed|be fed)\b", re.I)
# "never brewed a beer in my life", "i know nothing about solar", "total beginner": experience
_NO_EXPERIENCE_PHRASE = re.compile(
    r"\b((?:never (?!been to\b|heard\b)(?:[a-z]+ed|done|been|had|made|built|written|seen)\b[^,;.?!]*?|know nothing about[^,;.?!]*?)"
    r"(?=\s*[,;.?!]|\s*$|\s+(?:can|could|may|am|do|will|would|but|and|so|is)\b)"
    r"|(?:total|complete|absolute) (?:beginner|newbie|novice|noob)\b|zero experience\b)",
    re.I,
)
# "do I need a car?": a driving licence, or how to get there
_CAR_PHRASE = re.compile(r"\b((?:need|have|bring|own|use) (?:a|my own|your own|own|my) (?:car|vehicle|wheels))\b", re.I)
# "will they sort my visa?": whether they sponsor it
_VISA_PHRASE = re.compile(
    r"\b((?:sort|sort out|arrange|handle|do|get|help (?:me )?with) (?:out )?(?:my|me a|us a|the|a) (?:work )?(?:visa|permit)s?)\b", re.I
)
# "will I get a job after?", "do interns get kept on?": an offer at the end
_JOB_AFTER_PHRASE = re.compile(
    r"\b((?:get|land|be offered|offered) (?:a |an )?(?:full[- ]time |permanent |proper )?job (?:after|at the end|afterwards)"
    r"|(?:get|got|be|are|were) (?:hired|kept on|taken on) (?:after|at the end|afterwards|once)|kept on|taken on (?:after|permanently))\b",
    re.I,
)
# "did it last year, can I do it again?", "got rejected last yr, can I try again?": applying again
_AGAIN_PHRASE = re.compile(r"\b((?:do|did) it again|try again|apply again|(?:re-?apply)|another go)\b", re.I)
# "what do library helpers actually do?", "what would I be doing day to day?", "what does the
# role involve?": the duties ("What you'll be doing", "Responsibilities"); not "what do I do
# if I'm ill?" nor "what do I need to do to apply?"
_DUTIES_PHRASE = re.compile(
    r"\b(what (?:do|does|would|will|did|is|are) (?:(?!(?:need|needs|have|has|want|wants|get|gets|make|makes)\b)[a-z'’]+ ){1,4}"
    r"(?:(?:actually |really |usually |typically |normally )?(?:do|doing|involve|involves)|do all day)"
    r"(?: (?:day[- ]to[- ]day|every day|each day|all day|on a (?:shift|typical day|normal day)))?"
    r"(?: (?:as|in|at|on) (?:[a-z'’-]+ ){0,3}[a-z'’-]+)?)(?=\s*[?.!]|\s*$)"
    r"|\b(day[- ]to[- ]day (?:tasks|work|duties|job))\b",
    re.I,
)
# "how do I sign up?": to register ("Register on our website by 8 March"), not the sign-up form itself
_SIGN_UP_PHRASE = re.compile(r"\b(sign(?:ing)?[- ]?up)\b(?! (?:form|sheet|page|link)\b)", re.I)
# "how do I get in?", "how do people become fellows?", "how can I join?": how to apply
_GET_IN_PHRASE = re.compile(
    r"\b(how (?:do|does|can|could|would|should|might) (?:i|we|you|one|people|someone|anyone|students?) "
    r"(?:get (?:in(?! touch)|into|onto|on(?! with| well)|accepted|selected|chosen|picked)|become|join|be (?:accepted|selected|chosen)))\b",
    re.I,
)
# "where do interns live?", "is there somewhere to stay?": where one is housed, which documents
# call "housing" ("we hold a block of rooms at Quayside Halls" under "Housing")
_HOUSED_PHRASE = re.compile(
    r"\b((?:where|somewhere|anywhere|place) (?:(?!(?:work|works|working|go|apply)\b)[\w'-]+ ){0,3}?(?:to )?(?:live|stay|sleep|crash)"
    r"|put (?:us|me|you|u|them|interns|fellows) up)\b(?! (?:in touch|updated|informed|on|with)\b)",
    re.I,
)


def said_plainly(question: str) -> str:
    """Return ``question`` with members' phrases said in the words documents use: those that
    ask for a deadline as "deadline", working from home as "remotely" ("wfh", a verb, as "work
    remotely"), and "kick off" or "kick in" as "start", "what's the damage?" as "what is the
    cost"; and, beside the member's own words, the documents' word for what they ask about
    ("where do interns live?": housing, "do they feed us?": meals, "how do I sign up?":
    register, "how do I get in?": apply, "never brewed a beer": experience, "do I need a
    car?": driving licence, "will they sort my visa?": sponsor, "will I get a job after?": an
    offer at the end, "can I do it again?": applying again; see the patterns above)."""
    plain = _REMOTE_PHRASE.sub(
        lambda m: "work remotely" if m.group(0).casefold() == "wfh" else "remotely",  # "can I wfh?" says a verb
        _DEADLINE_PHRASE.sub("deadline", question),
    )
    plain = _HOUSED_PHRASE.sub(r"\1 (housing)", plain)
    plain = _DAMAGE_PHRASE.sub("what is the cost", plain)
    plain = _NO_EXPERIENCE_PHRASE.sub(r"\1 (experience)", plain)
    plain = _CAR_PHRASE.sub(r"\1 (driving licence transport)", plain)
    plain = _VISA_PHRASE.sub(r"\1 (sponsor)", plain)
    plain = _JOB_AFTER_PHRASE.sub(r"\1 (job offer end)", plain)
    plain = _AGAIN_PHRASE.sub(r"\1 (apply again former previous)", plain)
    plain = _FED_PHRASE.sub(r"\1 (meals food)", plain)
    plain = _DUTIES_PHRASE.sub(lambda m: f"{m.group(0)} (duties)", plain)
    plain = _GIVEN_PHRASE.sub(r"\1 (receive benefits)", plain)
    plain = _SIGN_UP_PHRASE.sub(r"\1 (register)", plain)
    plain = _GET_IN_PHRASE.sub(r"\1 (apply)", plain)
    return _START_PHRASE.sub("start", plain) if "kick" in plain.casefold() else plain


def asking_words(question: str) -> frozenset[str]:
    """Return the words that only ask for a kind of answer: "long" in "how long", "much" in
    "how much", and "last" or "take" in a "how long" question. They say nothing about what
    the answer is about, so no passage is expected to contain them."""
    text = question.casefold()
    found = {m.group(1) for m in _ASKING.finditer(text)}
    if "long" in found:
        found |= _DURATION_VERBS & set(re.findall(r"[a-z]+", text))
    if "much" in found or _WORTH_ASKED.search(text):
        found |= {"worth"} & set(re.findall(r"[a-z]+", text))  # "how much is it worth?"
    return frozenset(found)


def asked_kind(question: str) -> AnswerKind | None:
    """Return the kind of answer a question asks for, or None (yes/no and open questions)."""
    text = " ".join(question.casefold().split())
    for kind, pattern in _ASKS:
        if pattern.search(text):
            return kind
    if _YES_NO.match(text) or _YES_NO_LATER.search(text) or re.search(r"\b(?:what|which|who|why|how)\b", text):
        return None
    for kind, pattern in _NOUNS:
        if pattern.search(text):
            return kind
    return None


_LABEL = re.compile(r"^[\W_]*([a-z][\w /&-]{0,30}?)\s*:\s+\S")
# Labels that name a kind of answer and nothing more ("Salary:" names what is paid, and
# answers "how much is the relocation money?" no more than any sum does); "Cost:" and "Fee:"
# say what a programme costs ("how much is the summer school?").
_KIND_LABELS: tuple[tuple[AnswerKind, re.Pattern[str]], ...] = (
    ("amount", re.compile(r"^(?:amount|award|award amount|value|grant size|funding|cost|costs|fee|fees|price|tuition|tuition fee)$")),
    ("place", re.compile(r"^(?:location|locations|place|where|address|venue|based)$")),
    ("duration", re.compile(r"^(?:duration|length|how long)$")),
    ("frequency", re.compile(r"^(?:frequency|how often)$")),
)


def label_kind(line: str) -> AnswerKind | None:
    """Return the kind of answer a "Label: value" line gives when its label only names that
    kind ("Amount: up to £5,000" an amount, "Location: Kelsby" a place), or None."""
    match = _LABEL.match(line.casefold())
    if not match:
        return None
    return next((kind for kind, pattern in _KIND_LABELS if pattern.match(match.group(1))), None)


# A number that is a sum of money, a year, part of a date or a duration counts nothing:
# "EUR 85,000 – 105,000 per year, plus stock options" does not say how many stock options,
# "at least two years of study" not how many people apply ("how many weeks" asks for a
# duration, not a count).
_CURRENCY = rf"(?:[$€£¥₹]|\b(?:{_CURRENCIES})\s?)"
_DESIGNATORS = (
    "year|week|day|month|term|semester|quarter|phase|stage|level|grade|step|round|part|module|unit|"
    "chapter|section|room|building|floor|cohort|session|tier|band"
)
_SUM = rf"{_CURRENCY}\s?\d[\d,.]*(?:\s?[km]\b)?"
_NOT_COUNTS = re.compile(
    rf"{_SUM}(?:\s*(?:-|–|to)\s*(?:{_CURRENCY}\s?)?\d[\d,.]*(?:\s?[km]\b)?)?"
    rf"|\b\d[\d,.]*(?:[ \u00a0\u202f]\d{{3}})*\s?(?:k|{_CURRENCIES}|{_MONEY_NAMES})\b"  # "12 000 SEK"
    r"|\b(?:19|20)\d\d(?:\s*[–/-]\s*(?:(?:19|20)?\d\d)\b)?\b"  # "2025", and "the 2025–26 fellowship"
    # a day of a month ("May" too, beside its day: alone it is a verb)
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS}|may\b)|\b(?:{_MONTHS}|may)\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b\d{1,2}[/.:]\d{1,2}(?:[/.]\d{2,4})?\b"
    # a number that names a step or a place rather than counting: "in year two", "Level 3", "room 210"
    rf"|\b(?:{_DESIGNATORS})\s+(?:\d+|{_NUMBER_WORDS})\b"
    # "one of the coolest places in AI": one among others, not a number of them
    r"|\bone of\b"
)


# a share ("75%", "20 per cent"): a proportion, which counts nothing
_PERCENT = r"\d+(?:\.\d+)?\s?(?:%|per ?cent\b)"
# ... or a ratio ("about one in five of the 2025 fellows", "1 in 3 applicants")
_SHARE = re.compile(rf"\b{_PERCENT}|\b(?:{_NUMBER}) in (?:every )?(?:{_NUMBER})\b")
# a share that is money: "we match up to 5%", "a bonus of up to 8% of salary", "15% off"
_SHARE_OF_MONEY = re.compile(
    rf"\b(?:match\w*|bonus(?:es)?|discount\w*|contribut\w*|premiums?|pension|of (?:your |the |their )?(?:base )?(?:salary|pay|premium|fees?|tuition|costs?))\b[^.;\n]{{0,40}}?{_PERCENT}"
    rf"|{_PERCENT}\s*(?:\w+\s+){{0,3}}?(?:match\w*|bonus|discount|off|of (?:your |the |their )?(?:base )?(?:salary|pay|premiums?|fees?|tuition|costs?)|contribution|employer)\b"
)


# "what's the most you can get?", "is there a minimum amount?": a bound of a sum, asked and said
_ASKS_BOUND = re.compile(r"\b(?:most|max|maximum|min|minimum|least|biggest|largest|smallest|highest|lowest)\b")
_BOUND_SAID = re.compile(
    rf"\b(?:up to|as much as|at most|maximum(?: of)?|max|no more than|between|at least|minimum(?: of)?|from)\s+{_SUM}"
    rf"|{_SUM}\s*(?:–|-|to|and)\s*{_CURRENCY}?\s?\d"
)


def stated_values(text: str, kind: AnswerKind | None) -> frozenset[str]:
    """Return the sums ``text`` states when an amount is asked, as written without spaces
    and case: what two passages agree on when both state it."""
    if kind != "amount":
        return frozenset()
    return frozenset(re.sub(r"\s+", "", m.group(0)).casefold() for m in _ANY_SUM.finditer(text))


def bounds_asked_sum(line: str, question: str) -> bool:
    """Tell whether ``line`` bounds a sum ("between £1,000 and £5,000", "up to €12,000") for
    a question that asks for a bound ("what's the most money I can get?"): it says what is
    asked, whatever words it says it in."""
    return bool(_ASKS_BOUND.search(question.casefold()) and _BOUND_SAID.search(line.casefold()))


def pays_asked_sum(line: str, question: str) -> bool:
    """Tell whether ``line`` says what a job pays ("The current full-time rate is $1,612.40 per
    week") for a question about pay: it says what is asked, whatever words it says it in."""
    said = line.casefold()
    return bool(
        _PAY_ASKED.search(question.casefold())
        and (_PAY_SAID.search(said) or _HOURLY_SUM.search(said))
        and (_PAY_RATE.search(said) or _SALARY_SAID.search(said))
        and not _OTHER_MONEY.search(said)
    )


_PAY_RATE = re.compile(r"\d\s*(?:per|a|an|/)\s*(?:hour|hr|day|week|fortnight|month|year|annum)\b")
# "A$95,000 – A$110,000 base plus super": a salary said without a rate
_SALARY_SAID = re.compile(r"\b(?:salary|salaries|base|gross|ote|superannuation|plus super|compensation)\b")
# "$23.50/hour to $29.00/hour": money by the hour is a wage, whatever words are around it
_HOURLY_SUM = re.compile(rf"{_SUM}\s*(?:/|per|an|a)\s*(?:hour|hr)\b")


# "twelve (12) to sixteen (16), or twenty-four (24) weeks": every number of the run is a duration
_NUMBER_RUN = rf"{_NUMBER}(?:[\s-]*\(\d+\))?"
_DURATION_RUN = re.compile(
    rf"\b(?:{_NUMBER_RUN}\s*(?:,\s*(?:(?:or|and)\s+)?|(?:or|and|to|-|–)\s*)){{1,5}}{_NUMBER_RUN}[\s-]*{_UNIT}\b"
)

# "in certain locations", "in some countries" says where nothing is
_VAGUE_PLACES = re.compile(
    r"\b(?:in|at|from) (?:certain|some|various|many|most|all|other|select|selected|several) "
    r"(?:locations?|countries|cities|offices|regions|states|sites)\b",
    re.IGNORECASE,
)

_CONTACT = re.compile(_EMAIL)

# "Where do I apply?", "where should I send my CV?": the answer is a way to send it (a link,
# an e-mail address, a portal or form), which counts as the place asked for.
_WHERE_TO_SEND = re.compile(
    r"\bwhere\b.*\b(?:apply|applying|application|applications|send|submit|submitting|upload|email|e-mail|"
    r"register|sign up|signup|enrol|enroll)\b"
)
_CHANNEL = re.compile(
    rf"https?://\S+|\bwww\.\S+|{_EMAIL}"
    r"|\b(?:online|portal|website|web site|form|link|careers? page|job board|job listing|apply button)\b"
    # "Submit your application here.", "Apply via our careers site", "send it to …"
    r"|\b(?:apply|submit|send)\b[^.!?\n]{0,40}?\b(?:here|below|above|via|through|to)\b",
    re.IGNORECASE,
)


# Words that start a sentence in capitals but are no part of a name that follows them.
_DETERMINERS = frozenset(
    "the a an our your their his her its this that these those each every all any some we you "
    "if in at on for of to and or but please yes no when where how what who why with from by "
    "as after before during".split()
)


# a person to write to, by name: "send a direct message to [Merve Noyan](…)", "contact Dr Aoife Marren"
_CONTACT_PERSON = re.compile(
    r"\b(?:[Mm]essage|[Cc]ontact|[Ee]-?mail|[Ww]rite to|[Rr]each out to|DM|[Tt]alk to|[Ss]peak (?:to|with))\s+"
    r"(?:to\s+)?\[?(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?(?!(?:Us|Our|The|Team|Form)\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+"
)


def has_contact(text: str, question: str = "") -> bool:
    """Tell whether ``text`` gives an e-mail address (or, asked for one, a phone number):
    wherever it stands in a passage, it answers "who do I write to?" (it is rarely in a
    sentence that repeats the question's words)."""
    if _asks_phone(question):
        return _PHONE.search(text) is not None
    return _CONTACT.search(text) is not None


# A date is a deadline or a start: "When do applications close?" is not answered by "Start
# date: 1 May 2026", nor "When does it start?" by "Applications close on 31 January".
_DEADLINE = re.compile(
    r"\b(?:deadline|clos(?:e|es|ed|ing)|shut(?:s|ting)?|due|last day|apply by|no later than|until|through|accept\w*)\b"
)
# "send it to … by 5pm on Friday 8 January 2027", "… by 10 August 2026": a deadline, in a
# sentence that speaks of no start ("start as soon as possible, ideally by 1 June")
_BY_DATE = re.compile(
    rf"\bby\s+(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:am|pm)?\s+(?:on\s+)?)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS}|may\b)"
    rf"|\bby\s+(?:{_MONTHS}|may)\s+\d{{1,2}}\b"
)
_START = re.compile(
    r"\b(?:start(?:s|ing)?|begin(?:s|ning)?|commenc\w*|kick(?:s|ing)? off|first day)\b"
    # "runs from 7 September to 13 November": a range of dates says when it starts (and ends)
    rf"|\bfrom\s+(?:\w+day\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?\s*(?:to|until|till|–|-)\s"
    rf"|\bfrom\s+{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\s*(?:to|until|till|–|-)\s"
)


# "when does the internship run?", "what dates is it held?": when it takes place, which its
# start says, not when applications close
# when a programme takes place: "when does it run?", "what are the summer school dates?"
_HELD = re.compile(r"\b(?:run|runs|take place|takes place|dates)\b")


def date_frame(word: str) -> bool:
    """Tell whether ``word`` says which date is asked for: a start or a deadline ("start",
    "begins", "closes", "due")."""
    folded = word.casefold()
    return bool(_START.fullmatch(folded) or _DEADLINE.fullmatch(folded))


@lru_cache(maxsize=1024)  # asked of every candidate and sentence of a question
def asks_deadline(asked: str) -> bool | None:
    """Return True when a question asks for a deadline, False for a start (or when it takes
    place), None for neither or both."""
    deadline, start = bool(_DEADLINE.search(asked)), bool(_START.search(asked) or _HELD.search(asked))
    return None if deadline == start else deadline


def _other_date(asked: str, text: str) -> bool:
    """Tell whether the question asks for one of a deadline or a start and the text dates only the other."""
    deadline = asks_deadline(asked)
    if deadline is None:
        return False
    # "fill in the form by 31 May", in a sentence that speaks of no start ("ideally by 1 June")
    says_deadline = bool(_DEADLINE.search(text)) or any(
        _BY_DATE.search(part) and not _START.search(part) for part in _clauses(text)
    )
    says_start = bool(_START.search(text)) or _spans(text)
    return (says_start and not says_deadline) if deadline else (says_deadline and not says_start)


_CLAUSE_END = re.compile(r"(?<=[.!?])\s+|\n")


def _clauses(text: str) -> list[str]:
    """Return the sentences and lines of ``text`` (a date is a deadline or a start by what its own says)."""
    return [p for p in _CLAUSE_END.split(text) if p.strip()]


def _only_clauses(text: str, keep: Callable[[str], bool]) -> str:
    """Return the sentences and lines of ``text`` that ``keep`` keeps: where an answer of the
    kind asked for must be said ("how many vacation days?": where leave is spoken of)."""
    return " ".join(part for part in _clauses(text) if keep(part))


def _spans(text: str) -> bool:
    """Tell whether a line of ``text`` dates a span ("• Dates: June 2 – August 15, 2025"),
    which says when something starts."""
    return any(_SPAN.search(line) and _DATED.search(line) for line in text.split("\n"))


# "40 hours a week", "three days per week": how much of a week the work takes, not how long a
# programme lasts. "How long is the apprenticeship?" is not answered by the working hours
# (nor by the period they are averaged over: "39 hours a week, averaged over a four-week
# period"), unless the question asks about the hours, the days or a shift.
_WORKLOAD = re.compile(
    rf"\b{_NUMBER}(?:\s*(?:to|-|–)\s*{_NUMBER})?[\s-]*(?:hours?|hrs?|days?)\s+(?:a|per|each|every)\s+(?:week|day|month)\b"
    r"|\b(?:averaged|calculated|worked out|spread)\s+(?:out\s+)?(?:over|across)\s+[^.;,]*"
    # "40 hours over five days", "six-day weeks of 10-hour days": a working week, not a span
    rf"|\b{_NUMBER}[\s-]*(?:hours?|hrs?)\s+(?:over|across|in)\s+{_NUMBER}[\s-]*days?\b"
    rf"|\b{_NUMBER}[\s-]*days?\s+weeks?\b"
)
# "four years of experience", "graduated within the last 12 months": what a candidate must
# have, or how recent something must be, not how long the programme lasts
_NOT_LENGTH = re.compile(
    rf"\b{_NUMBER}{_OR_MORE}(?:\s*(?:to|and|-|–)\s*{_NUMBER})?{_OR_MORE}[\s-]*(?:years?|months?)\s+(?:of\s+)?(?:[a-z-]+\s+){{0,2}}?experience\b"
    rf"|\bwithin\s+the\s+(?:last|past|previous)\s+{_NUMBER}[\s-]*(?:years?|months?|weeks?|days?)\b"
)
_ASKS_EXPERIENCE = re.compile(r"\b(?:experience|exp|worked|graduated?)\b")
# "10 days of leave", "a one-hour lunch break", "three weeks' notice": time taken out of a
# programme, or given before something, not how long the programme lasts ...
_TIME_OUT = re.compile(
    rf"\b{_NUMBER}(?:\s*(?:to|-|–)\s*{_NUMBER})?[\s-]*(?:paid\s+|working\s+)?(?:days?|weeks?)\s+(?:of\s+)?"
    r"(?:paid\s+|annual\s+|personal\s+|sick\s+|parental\s+)?(?:leave|off|holidays?|vacation|pto)\b"
    rf"|\b{_NUMBER}[\s-]*(?:minutes?|mins?|hours?|hrs?)[\s-]+(?:lunch\s+)?breaks?\b"
    rf"|\b{_NUMBER}[\s-]*(?:days?|weeks?|months?)(?:['’]s?)?\s+(?:in advance|notice)\b"
    # "Annual leave: 16 days for the contract"
    rf"|\b(?:annual\s+|paid\s+|sick\s+|parental\s+)?(?:leave|holidays?|vacation|pto|time off)\s*:\s*{_NUMBER}[\s-]*(?:working\s+)?(?:days?|weeks?)\b"
)
# "how long does the fellowship last / run?", "how long is the apprenticeship?": how long the
# programme itself lasts, said as a span ("lasts 24 months", "a 41-week season", "runs for
# four months"), not any duration in a passage about it
_PROGRAMME = (
    r"(?:programmes?|programs?|internships?|fellowships?|apprenticeships?|residency|residencies|placements?|"
    r"schemes?|courses?|traineeships?|contracts?|seasons?|cohorts?|bootcamps?|training)"
)
_PROGRAMME_SAID = re.compile(rf"\b{_PROGRAMME}\b")
# when a programme ends ("when does the internship finish?"): a day of the calendar, not an hour
_END_ASKED = re.compile(r"\b(?:finish|finishes|end|ends|wrap up|wraps up)\b")
_ASKS_SPAN = re.compile(
    r"\bhow long (?:does|do|will|is|are|would)(?: (?:the|this|that|these|a|an))?\b"
    rf"(?: (?!(?:take|takes|to|for|per|each|every|a|an|i|we|you)\b)[a-z-]+){{0,5}} {_PROGRAMME}"
    r"(?: (?!(?:take|takes|to|for|per|each|every|a|an|i|we|you)\b)[a-z-]+){0,3}\s*[?.!]*$"
    # ... and said short: "gullhaven internship how long?", "internship length?"
    rf"|^(?:[a-z'-]+ ){{0,3}}{_PROGRAMME} (?:how long|length|duration)\s*[?.!]*$"
)
_SPAN_UNIT = r"(?:minutes?|hours?|days?|weeks?|months?|years?|semesters?|terms?|seasons?)"
_SPANNING = re.compile(
    # ("in the last five years" looks back; it is not what something lasts)
    r"\b(?:(?<!the )(?<!these )(?<!past )lasts?|lasting|runs?(?: for)?|running for|spans?|over|across|for|is|are|be|of)\s+"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+|just\s+|the\s+full\s+|up\s+to\s+|between\s+)?(?:(?:a|an|the)\s+)?"
    # ("for an initial six months")
    # (not "for the first 9 months", a part of what lasts longer)
    r"(?:(?:initial|minimum|fixed|total|full)\s+)?"
    rf"(?:a|an|one|{_NUMBER}(?:[-–]{_NUMBER})?(?:,\s*{_NUMBER})*)[\s-]+(?:\(\d+\)\s*)?"
    rf"(?:(?:to|or|and|-|–)\s*{_NUMBER}(?:-{_NUMBER})?[\s-]+(?:\(\d+\)\s*)?)?(?:[a-z]+\s+)?{_SPAN_UNIT}\b"
    rf"|\b{_NUMBER}[\s-]+(?:\(\d+\)\s*)?{_SPAN_UNIT}[\s-]+(?:[a-z-]+\s+){{0,2}}(?:long|{_PROGRAMME}|position|role|period|term)\b"
)
# a programme's label over how long it is: "Contract: 5 months, October 2025 – March 2026",
# "Placement: 12 weeks"
_LABELLED_SPAN = re.compile(
    rf"(?m)^\W*{_PROGRAMME}(?:\s+(?:length|duration|period))?\s*:\s*(?:about\s+|around\s+)?{_NUMBER}[\s-]+{_SPAN_UNIT}\b"
)
# an answer that opens with how long ("Four years, full time."), under a question asking it
_OPENS_WITH_SPAN = re.compile(
    rf"^\W*(?:about |around |roughly |approximately |just )?(?:a|an|one|{_NUMBER})[\s-]+{_SPAN_UNIT}\b"
    r"(?!\s+(?:later|ago|before|after|of|in advance|notice|per|a week|each)\b)"
)
# ... or as the dates it runs between ("runs from September 8, 2025 to July 31, 2026")
_DATE_SPAN = re.compile(
    rf"\bfrom\s+(?:[a-z]+day,?\s+)?(?:{_MONTHS}\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS})[^.;]{{0,30}}?\s*(?:to|until|through|till|–|-)\s*"
)
# ... unless that is what is asked about
_ASKS_TIME_OUT = re.compile(r"\b(?:leave|off|holidays?|vacation|pto|breaks?|lunch|notice|advance)\b")
# "how many hours a week do interns work?", "weekly hours": the hours of work, not the length
# of a meeting or a session
_ASKS_HOURS_WORKED = re.compile(r"\b(?:hours?|hrs?)\b(?:\s+\w+){0,6}?\s+(?:a|per|each|every)\s+week\b|\bweekly\s+(?:hours?|hrs?)\b")
_HOURS_OF_A_THING = re.compile(rf"\b{_NUMBER}[\s-]hours?\s+(?!(?:a|an|per|each|every|of|on|in|work\w*|week\w*|day\w*|shifts?)\b)[a-z][\w-]*")
_ASKS_LENGTH = re.compile(r"\bhow long (?:is|are|was|will|would|does|do)\b|\b(?:duration|length)\b|\bhow long\s*[?.!]*$")
_ASKS_WORKLOAD = re.compile(
    r"\b(?:hours?|hrs?|weeks?|weekly|days?|daily|shifts?|per|commitment|takes?|time|part[\s-]?time|full[\s-]?time)\b"
)


# When applicants learn the outcome, asked and said
_OUTCOME_ASKED = re.compile(
    r"\b(?:hear back|hear from|tell (?:us|me|you)|find out|let (?:us|me|you) know|know if|results?|outcomes?|decisions?|notif\w*)\b"
)
# "when do I join the on-call rotation?", "when can I take leave?": when something happens to
# the member, which is said counting from when they join ("after your first six months")
_WHEN_FOR_ME = re.compile(r"\bwhen (?:do|does|can|will|would|could|should) (?:i|we|you|u|new \w+|interns|apprentices|fellows|trainees)\b")
_AFTER_A_WHILE = re.compile(
    rf"\b(?:after|within|once|from) (?:your |the |their |a |an )?(?:first |initial )?(?:{_NUMBER}|a|an)\s+(?:days?|weeks?|months?|years?)\b"
    r"|\bafter (?:your |the |their )?(?:probation(?:ary period)?|first (?:day|week|month|year)|induction|training)\b"
    # "You can reapply 6 months after the date of our decision"
    rf"|\b(?:{_NUMBER}|a|an)\s+(?:days?|weeks?|months?|years?)\s+after\b"
)
# "when do benefits start?", "when does health insurance kick in?": a benefit's start, which is
# said counting from the day one joins
_BENEFIT_START_ASKED = re.compile(
    r"\bwhen\b.*\b(?:benefits?|insurance|coverage|health|medical|dental|vision|pension|401\(?k\)?|retirement)\b"
)
_STARTS_AFTER = re.compile(
    r"\b(?:start(?:s|ing)?|begins?|beginning|from|after|eligible)\b[^.;:]{0,40}?\b(?:first day|first of the month|"
    r"day one|\d+ (?:days|weeks|months) of (?:employment|service)|probation(?:ary)? period|hire date|date of hire|"
    r"start date|joining)\b"
)
# "when do I get paid?", "when is the stipend paid out?": when money is paid, which an event may say
_WHEN_PAID_ASKED = re.compile(
    r"\bwhen\b.*\b(?:paid|pay|payments?|paycheck|payday|stipends?|instalments?|installments?|money)\b"
)
_PAID_WHEN = re.compile(
    r"\b(?:paid|payable|released|transferred|disbursed)\b[^.;]{0,60}?\b(?:when|after|upon|once|on (?:signing|arrival|"
    r"acceptance|completion|your first day)|at the (?:start|end|beginning) of|before)\b"
)
# ... and said as a time from applying ("we aim to tell you the outcome within three weeks")
_OUTCOME_WITHIN = re.compile(
    # (not "we aim to reply within three days", which may answer questions, not applications)
    r"\b(?:outcomes?|results?|decisions?|hear back|hear from us|let you know|tell you|notif\w*)\b"
    r"[^.;]*\b(?:within|in about|after)\b"
)
_OUTCOME_SAID = re.compile(
    r"\b(?:hear|heard|tell|told|results?|outcomes?|decisions?|decided|decide|notif\w*|inform\w*|let you know|offers?|"
    r"repl(?:y|ies|ied)|respond\w*|responses?|get back|contacted|"
    r"announced?|successful|unsuccessful)\b"
)


# What a job pays, asked and said; and money of other kinds
# pay for when or how the work is done, whatever the page calls it ("on-call allowance",
# "night shift premium", "overtime rate")
_PREMIUM_NOUN = r"(?:pay|rates?|premium|allowance|supplement|stipend|bonus|differential)"
_PAY_PREMIUM = re.compile(
    r"\b(on[\s-]?call|call[\s-]?out|standby|overtime|night(?:[\s-]?shift)?|weekend|shift|bank[\s-]holiday|hazard)"
    rf"\s+{_PREMIUM_NOUN}\b"
)
# ... or the pay for working then: "paid for night shifts", "pay for working weekends", "get extra on sundays"
_PAID_FOR_WHEN = re.compile(
    r"\b(?:pay|paid|get|earn|make)\s+(?:extra\s+|more\s+)?(?:for|on)\s+(?:working\s+)?(?:a\s+|the\s+)?"
    r"(nights?|night[\s-]shifts?|weekends?|sundays?|saturdays?|bank[\s-]holidays?)\b"
)


def _premium_asked(asked: str) -> str | None:
    """Return the name of the premium a question asks for ("on call" of "on call pay?",
    "night" of "how much do apprentices get paid for night shifts"), or None."""
    if (named := _PAY_PREMIUM.search(asked)) is not None:
        return named[1]
    if (when := _PAID_FOR_WHEN.search(asked)) is not None:
        return re.sub(r"(?:[\s-]shift)?s$", "", when[1])
    return None


# a premium said in a passage, whatever it is called; and the pay it comes on top of
_PREMIUM_SAID = re.compile(
    r"\b(?:differentials?|premiums?(?!\s+(?:paid|covered|contributions?))|overtime|on[\s-]?call|call[\s-]?outs?|standby|"
    r"penalty rates?|time[\s-]and[\s-]a[\s-]half|double time|(?:shift|night|weekend|evening|unsocial hours?) "
    r"(?:allowances?|supplements?|rates?|pay|uplifts?|enhancements?|loadings?))\b"
)
_PREMIUM_SUM = re.compile(
    rf"(?:{_PREMIUM_SAID.pattern})\s*(?:of|is|:|at|worth)\s+(?:up to\s+|an? extra\s+)?{_SUM}"
    rf"|{_SUM}(?:\s+(?:a|an|per|each)\s+\w+)?\s+(?:{_PREMIUM_SAID.pattern})"
)
# pay on top of the pay, asked for in other words ("extra pay for late shifts", "better pay on thanksgiving")
_PREMIUM_ASKED = re.compile(r"\b(?:extra|more|better|higher|additional|late|night|nights|weekends?|holidays?|evenings?|sick)\b")
_BASE_PAY = re.compile(
    r"\b(?:salary|salaries|base|basic|wages?|stipends?|starting|starts? at|range|annual|annually|per (?:year|annum)|a year|"
    r"pay band|grade)\b"
)


def _premium_name(premium: str) -> str:
    """Return a pattern of the premium's name in any spelling ("on call", "on-call", "oncall")."""
    return r"[\s-]?".join(map(re.escape, re.split(r"[\s-]+", premium)))


def _said_premium(premium: str, part: str) -> bool:
    """Tell whether ``part`` speaks of the premium ``premium`` names, in any spelling."""
    return re.search(rf"\b{_premium_name(premium)}\b", part) is not None


_RATE_SAID = r"(?:double|triple|time and a half|time-and-a-half|\d+(?:\.\d+)?\s*(?:x|times)\b|\d+\s*%)"


def _premium_rate(premium: str, part: str) -> bool:
    """Tell whether ``part`` says the premium ``premium`` names as a rate of the pay ("a 15%
    shift allowance", "overtime is paid at time and a half")."""
    name = _premium_name(premium)
    return re.search(rf"{_RATE_SAID}\s+(?:[\w-]+\s+)?{name}\b", part) is not None or _paid_at_rate(name, part)


def _paid_at_rate(name: str, part: str) -> bool:
    """Tell whether ``part`` says the premium of the pattern ``name`` is paid at a rate ("any
    callout is paid at double time")."""
    return re.search(rf"\b{name}(?:[\s-]+{_PREMIUM_NOUN})?\s+(?:is\s+|are\s+)?(?:paid\s+)?(?:at\s+)?{_RATE_SAID}", part) is not None


def _premium_sum(premium: str, part: str) -> bool:
    """Tell whether ``part`` says a sum of the premium ``premium`` names, next to its name
    ("an on-call allowance of €300", "€300 on-call pay"), not the salary beside it ("CA$135,000
    – CA$155,000 per year, with an on-call stipend")."""
    name = _premium_name(premium)
    noun = _PREMIUM_NOUN
    if _paid_at_rate(name, part):
        return True  # "any callout is paid at double time"
    return (
        re.search(
            rf"\b{name}(?:[\s-]+{noun})?\s*(?:of|is|:|at|worth)?\s*(?:up to\s+|an? extra\s+)?{_SUM}", part
        )
        is not None
        # ("$150 on-call pay", "a $150 weekly on-call stipend", "a stipend of $500 per on-call week")
        or re.search(
            rf"{_SUM}(?:\s+(?:a|an|per|each|for each|for every)(?:\s+\w+)?|\s+(?:weekly|monthly|daily|nightly|yearly|annual|hourly))?\s+(?:of\s+)?{name}\b",
            part,
        )
        is not None
    )


_PAY_ASKED = re.compile(r"\b(?:pay|pays|paid|salary|salaries|wages?|stipends?|earn|earns|make|makes|compensation|comp|rate)\b")
# ("salary packaging", "salary sacrifice" are a tax benefit, not pay)
_PAY_SAID = re.compile(
    r"\b(?:pay|pays|paid|salary(?!\s+(?:packag|sacrific))|salaries|wages?|stipends?|earn|earns|compensation|rates?|"
    r"hourly|per hour|an hour|base|gross|ote|plus super|superannuation)\b"
)
_OTHER_MONEY = re.compile(
    # (an income is what an applicant earns elsewhere: "if your household income is under £35,000 a year")
    r"\b(?:bonus(?:es)?|budgets?|allowances?|supplements?|weightings?|assistance|reimburs\w*|fees?|costs?|deposits?|discounts?|grants?|"
    r"incomes?(?!\s+tax)|"
    r"loans?|referrals?|tuition|prizes?|relocation|expenses?|fares?|travel|mileage|packag\w*|sacrific\w*|"
    # money for a purpose ("$500 a year for professional development")
    r"professional development|training|courses?|conferences?|equipment|gym|wellness|childcare|"
    r"home office|internet|broadband|phone|laptop|coworking|co-working|wellbeing|learning|books?|commut\w*|"
    r"transit|(?:bike|cycle)[\s-]to[\s-]work|bikes?|bicycles?|meals?|lunch|food|one-off|one-time|signing|sign-on|buy-in|deductions?|membership|kit|uniforms?|"
    r"tracksuits?|boots|value of|deduct\w*|"
    # housing paid for ("a housing stipend of $1,500"; not "$4,200/month + housing", pay with housing besides)
    r"(?<!\+ )(?<!plus )(?<!and )(?:housing|rent|accommodation)|"
    # money for a step of hiring ("a take-home exercise (we pay €300 for your time)")
    r"take[\s-]home|exercises?|for your time)\b"
)
# money of another kind said with a word of pay ("a $1,500 relocation stipend", "travel pay")
_OTHER_PAY = re.compile(rf"(?:{_OTHER_MONEY.pattern})\s+(?:stipends?|pay(?:ments?)?|wages?)\b")
_PLUS = re.compile(r",?\s+\b(?:plus|as well as|on top of which)\b|,\s+(?:and|with)\s+(?=an?\b)")  # "… a year, plus a bonus"
# when or from what other money is paid, which says nothing of the pay: "paid with the first
# pay cheque", "$95 per two-week pay period, deducted from your pay"
_PAID_HOW = re.compile(
    r"\bpaid\s+(?:with|in|on|into|through|via|alongside)\s+(?:the|your|their|each|every)\b[^.;,]*"
    # "The HGV market supplement is £1,500 a year, paid monthly with salary"
    r"|\bpaid\s+(?:(?:weekly|fortnightly|monthly|annually|yearly)\s+)?(?:together\s+)?(?:with|alongside)\s+(?:(?:your|the|their)\s+)?(?:salary|pay|wages?|stipend)\b"
    # what the member pays: "The buy-in is $1,500, which can be paid through payroll deductions"
    r"|\b(?:can|may|could|must|will|should) be paid\b[^.;]*"
    # what a step of hiring is paid: "a take-home tutorial (we pay €300 for your time)", "a paid trial shift"
    r"|\bpay(?:s)?\b[^.;()]{0,25}?\bfor (?:your|the) (?:time|effort|work on it)\b"
    r"|\bpaid\s+(?:take[\s-]home|task|exercise|trial|assignment|assessment|test)\b"
    r"|\bpay\s*(?:cheques?|checks?|slips?|days?|periods?|roll)\b|\bpay(?:cheques?|checks?|slips?|days?|roll)\b"
    r"|\b(?:deducted|taken|comes?|coming)\s+(?:out\s+)?(?:from|of)\s+(?:your|their|the)\s+(?:pay|wages?|salary)\b"
)


# The kinds of money a question may ask the sum of (besides pay), each as the words that say it
_MONEY_FAMILIES = (
    r"fees?|costs?|prices?|tuition|charges?",  # what one pays
    # what one is given
    r"bursar(?:y|ies)|grants?|scholarships?|awards?|stipends?|funding|prizes?|allowances?|budgets?",
    r"bonus(?:es)?",
    r"deposits?",
)
_MONEY_ASKED = tuple(re.compile(rf"\b(?:{f})\b") for f in _MONEY_FAMILIES)
_SUM_OF = tuple(
    re.compile(
        # "a travel grant of up to €400", "Course fee: €450" ...
        rf"\b(?:{f})\s*(?:of|is|are|:|worth|totall?ing)?\s*(?:up to |a maximum of |up to a maximum of |about |around )?"
        rf"{_SUM}"
        # ... "€400 equipment stipend", "£500 per resident access budget"
        rf"|{_SUM}(?:\s*(?:per|a|an|each)\s+[a-z]+)?\s+(?:[a-z-]+\s+)?(?:{f})\b"
    )
    for f in _MONEY_FAMILIES
)
_ANY_SUM = re.compile(_SUM)
# the groups of people a page may pay, each said as one or many
_PAID_GROUPS = (
    r"mentors?|mentees?|interns?|fellows?|residents?|apprentices?|trainees?|volunteers?|students?|participants?|"
    r"founders?|compan(?:y|ies)|teams?|startups?|hosts?|coaches|coach|judges?|employees?|members?|leaders?|"
    r"ambassadors?|tutors?|grantees?|winners?|scholars?|supervisors?|facilitators?|instructors?|speakers?|artists?|"
    r"dependents?|dependants?|famil(?:y|ies)|spouses?|graduates?|grads?"
)
# ... said as those who are paid ("Mentees receive a stipend", "paid to each mentee"), not as a
# word of a thing ("participant costs")
_PAID_GROUP_SAID = re.compile(
    rf"\b({_PAID_GROUPS})\s+(?:(?:that|who)\s+[^.;,]{{0,40}}?\s+)?(?:will\s+|also\s+|each\s+|all\s+)?"
    r"(?:receive|receives|get|gets|earn|earns|are paid|is paid|are given)\b"
    rf"|\b(?:paid|given|awarded)\s+to\s+(?:the\s+|each\s+|every\s+|all\s+)?({_PAID_GROUPS})\b"
    rf"|\b(?:per|each)\s+({_PAID_GROUPS})\b"  # "€1,500 grant per company"
)
# "are tidewater mentors paid?", "do mentors get paid", "how much do the mentors get?", "mentor stipend?"
_PAYEE_ASKED = re.compile(
    rf"\b(?:are|do|does|will|would|is|how much do|how much does|what do|what does)\s+(?:the\s+|our\s+)?"
    rf"(?:[a-z'-]+\s+){{0,2}}?({_PAID_GROUPS})\s+(?:get\s+|actually\s+|also\s+)?(?:paid|get|make|earn|receive)\b"
    rf"|\b({_PAID_GROUPS})\s+(?:pay|stipends?|salary|salaries|wages?|fees?)\b"
)


def _group_of(word: str) -> str:
    """Return the group a word for people names, one or many alike ("mentors": "mentor")."""
    word = word.casefold()
    irregular = {"companies": "company", "coaches": "coach", "families": "family", "grads": "graduate", "grad": "graduate"}
    return irregular.get(word) or (word.rstrip("s") if word.endswith("s") else word)


# the group a question asks about: "does tidewater pay travel to lisbon for mentors?", "do mentors get …"
_GROUP_ASKED = re.compile(
    rf"\bfor\s+(?:the\s+|our\s+|its\s+)?({_PAID_GROUPS})\s*[?.!]*$"
    rf"|\b(?:do|does|will|would|are|can)\s+(?:the\s+)?(?:[a-z'-]+\s+){{0,2}}?({_PAID_GROUPS})\s+(?:get|receive|have)\b"
)
_GROUP_WORD = re.compile(rf"\b({_PAID_GROUPS})\b")
# ... and a passage's: those it says something is for
_GROUP_FOR = re.compile(rf"\bfor\s+(?:the\s+|each\s+|every\s+|all\s+|our\s+|accepted\s+)?({_PAID_GROUPS})\b")


def for_another_group(question: str, text: str) -> bool:
    """Tell whether the question asks about one group of people ("for mentors") and ``text``
    says what it says for, or pays, others only ("travel to Lisbon is covered for mentees"),
    never the asked group."""
    asked = _GROUP_ASKED.search(question.casefold())
    if asked is None:
        return False
    group = _group_of(asked[1] or asked[2])
    said = text.casefold()
    others = _paid_groups(said) | {_group_of(m) for m in _GROUP_FOR.findall(said)}
    mentioned = {_group_of(m) for m in _GROUP_WORD.findall(said)}
    return bool(others) and group not in others and group not in mentioned


# "pay in year 2", "2nd year apprentice wage", "leave days after 5 yrs": a year of service
# (a member's own year of study, "im in 2nd year", asks no figure; nor "year 12", a school year)
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_CARDINAL_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_TENURE_ASKED = re.compile(
    r"\b(?:in|during|for|of)\s+(?:the\s+|their\s+|your\s+|ur\s+|my\s+)?(?:year|yr)\s+([1-6]|one|two|three|four|five|six)\b"
    r"|\b(?:year|yr)\s+([1-6]|one|two|three|four|five|six)\s+(?:pay|salary|wage|rate|stipend)\b"
    r"|\b([1-6])(?:st|nd|rd|th)[\s-]+(?:year|yr)\b|\b(first|second|third|fourth|fifth|sixth)[\s-]+(?:year|yr)\b"
    # ("after like 5 years", "after about ten years")
    r"|\bafter\s+(?:like\s+|about\s+|around\s+|roughly\s+|maybe\s+)?([1-9]|10|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:years?|yrs?)\b"
    r"|\bafter\s+(?:the|their|your)\s+(first)\s+(?:year|yr)\b"
)


def tenure_unsaid(question: str, text: str) -> bool:
    """Tell whether the question asks a figure for a later year of service ("pay in year 2",
    "pto after 5 years") and ``text`` never says that year: the starting figure is no answer.
    A first year's figure is the one a posting gives."""
    asked = _TENURE_ASKED.search(question.casefold())
    if asked is None:
        return False
    word = next(g for g in asked.groups() if g)
    n = int(word) if word.isdigit() else _ORDINALS[word]
    if asked.group(6):
        n += 1  # "after the first year": the second
    if n < 2:
        return False
    forms = rf"(?:{n}|{_CARDINAL_WORDS[n - 1]}|{_ORDINAL_WORDS[n - 1]}|{n}(?:st|nd|rd|th))"
    months = 12 * (n - 1)  # "from month 13", "after 12 months": the second year
    said = re.compile(
        rf"\b{forms}[\s-]+(?:years?|yrs?)\b|\b(?:year|yr)s?\s+{forms}\b|\bafter\s+(?:the\s+)?{_ORDINAL_WORDS[n - 2]}\s+year\b"
        rf"|\bmonth\s+{months + 1}\b|\b{months}\s+months\b"
    )
    return said.search(text.casefold()) is None


def _paid_groups(text: str) -> set[str]:
    """Return the groups of people ``text`` (folded) says are paid or given something."""
    return {_group_of(next(g for g in found if g)) for found in _PAID_GROUP_SAID.findall(text)}


def _paid_to_another(part: str, group: str) -> bool:
    """Tell whether ``part`` says a group of people other than ``group`` and not ``group``:
    "Mentees receive a stipend of USD 3,000" for the mentors."""
    said = _paid_groups(part.casefold())
    return bool(said) and group not in said


# "relocation money", "travel budget": money for a purpose, by the word before it
_PURPOSE_MONEY = re.compile(
    r"\b([a-z]{4,})\s+(?:money|budgets?|allowances?|funding|assistance|reimbursements?|packages?)\b"
)
_NO_PURPOSE = frozenset(
    "much many what whats their your this that annual monthly weekly yearly daily total maximum minimum average "
    "typical base starting gross extra additional full standard basic overall usual more less enough most least biggest largest smallest".split()
)


# what a stipend or support may be for, said before it ("a home office stipend", "relocation
# support"; "the quillmere stipend", "the cohort stipend" name whose it is, and a "travel grant"
# is as often a programme's name)
_PURPOSE_OF = re.compile(
    r"\b(relocation|moving|travel|housing|accommodation|rent|home office|equipment|childcare|meals?|food|lunch|"
    r"commut\w*|transit|transport|learning|training|conferences?|professional development|internet|broadband|phone|"
    r"gym|wellness|wellbeing|books?|visa|subsistence)\s+(?:stipends?|support|money|budgets?|allowances?|funding|"
    r"assistance|reimbursements?|packages?)\b"
)


def _money_purpose(asked: str) -> str | None:
    """Return what the money a question asks the sum of is for ("relocation" of "how much
    relocation money", "home office" of "home office stipend"), or None when it names none."""
    if purposed := _PURPOSE_OF.search(asked):
        return purposed[1].split()[-1]
    match = _PURPOSE_MONEY.search(asked)
    if not match or match[1] in _NO_PURPOSE or _PROGRAMME_NOUN.fullmatch(match[1]):
        return None  # ("the fellowship money" is the programme's, for whatever purpose)
    return match[1]


def _said_purpose(purpose: str, part: str) -> bool:
    """Tell whether ``part`` speaks of ``purpose`` in some form ("relocating" for "relocation")."""
    stem = purpose[: max(4, len(purpose) - 3)]
    return re.search(rf"\b{re.escape(stem)}", part) is not None


def _money_asked(asked: str) -> tuple[int, ...]:
    """Return the kinds of money (indexes into :data:`_MONEY_FAMILIES`) a question asks the sum of."""
    return tuple(i for i, f in enumerate(_MONEY_ASKED) if f.search(asked))


def _sum_of_other_money(part: str, asked: tuple[int, ...]) -> bool:
    """Tell whether every sum ``part`` says is of money of another kind than the asked
    ("an access budget of up to £500 … for costs" for "the residency fee?")."""
    sums = [m.span() for m in _ANY_SUM.finditer(part)]
    if not sums:
        return False
    others = [m.span() for i, f in enumerate(_SUM_OF) if i not in asked for m in f.finditer(part)]
    return all(any(a <= lo and hi <= b for a, b in others) for lo, hi in sums)


# The kinds of time out a question may ask the length of, each as the texts that speak of it
_TIME_OUT_FAMILIES = (
    re.compile(r"\b(?:leave|days? off|time off|holidays?|vacation|pto|annual leave)\b"),
    re.compile(r"\b(?:breaks?|lunch)\b"),
    re.compile(r"\b(?:notice|in advance)\b"),
)


def _time_out_asked(asked: str) -> tuple[re.Pattern[str], ...]:
    """Return how texts speak of the time out a "how many / how much / how long" question asks
    the length of ("how many vacation days?": leave, holidays, vacation …); none when it asks of none."""
    if not re.search(r"\bhow (?:many|much|long)\b", asked):
        return ()
    return tuple(family for family in _TIME_OUT_FAMILIES if family.search(asked))


# ("four years before 1 September 2026" is how recent something must be, no deadline)
_BEFORE_DATE = re.compile(
    rf"(?<!years )(?<!months )(?<!weeks )(?<!days )\bbefore\s+(?:\w+day\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS}|may\b)"
)


# a start said by a range or a label: "6–19 July 2026", "Dates: 6 July to 14 August", "Start date: 1 April"
_SPAN = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s*(?:–|-|to)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS}|may\b)"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS}|may\b)(?:\s+\d{{4}})?\s*(?:–|-|to|until)\s*\d{{1,2}}"
    rf"|\b(?:{_MONTHS}|may\b)\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\s*(?:–|-|to|until)\s*(?:(?:{_MONTHS}|may\b)\s*)?\d{{1,2}}\b"
    r"|^[\W_]*(?:dates?|when|start date|programme dates|program dates|term dates)\s*:"
)


# Steps with deadlines of their own, after or beside applying ("Deadline to accept an offer",
# "Reference letters due", "housing deposit deadline")
_STEP = (
    r"(?:accept\w*|offers?|references?|recommendations?|referees?|deposits?|confirm\w*|enrol\w*|regist\w*|"
    r"payments?|fees?|withdraw\w*|housing|visas?|decisions?|interviews?|tuition)"
)
_OTHER_STEP = re.compile(rf"\b{_STEP}\b")
_STEP_DEADLINE = re.compile(
    rf"\b(?:deadline|due date|last day|closing date)\s+(?:to|for)\s+(?:\w+\s+){{0,2}}?{_STEP}\b"
    rf"|\b{_STEP}\s+(?:\w+\s+){{0,2}}?(?:due|deadline)\b"
)
# clauses joined by ", or", ", and", ", but" or ";" each date their own: "a PhD awarded no more
# than four years before 1 September 2026, or … by the application deadline" dates no deadline
_COORDINATED = re.compile(r"[,;]\s+(?:or|and|but|while|whereas)\s+|;\s+")
_CELL = re.compile(r"^[^:;]{1,80}:\s+\S")  # a table's cell as rows are written: "Campus A: 1 September 2025"
# another step dated by the deadline to apply: "one week after the application deadline"
_RELATIVE_TO_APPLYING = re.compile(
    r"\b(?:after|before|following|from|of)\s+(?:the\s+)?(?:\w+\s+)?appl\w*\s+(?:deadline|closing date|closes)\b"
)
_APPLYING_STEP = re.compile(r"\b(?:appl(?:y|ies|ication|ications|icants?)|submi\w*|entr(?:y|ies))\b")


def dates_the_asked(text: str, deadline: bool, question: str | None = None, asked: str = "") -> bool:
    """Tell whether ``text`` has a date in a sentence that says it is a deadline ("Application
    deadline: 15 December", "apply by 8 May", "before 20 October") or, when not ``deadline``, a
    start ("start on 4 May", "runs 6–19 July"); or a date that answers a question about one
    (an FAQ item's ``question``, or the line before it in a chat: "deadline?" / "15 July
    2026, end of day UK time").

    A deadline ``asked`` for without saying for what is the one to apply by: a line that
    dates another step ("Deadline to accept an offer: 3 April", "Reference letters due") and
    says nothing of applying is not it."""
    if question and asks_deadline(question.casefold()) is deadline and _DATED.search(text.casefold()):
        return True
    other_steps = deadline and not _OTHER_STEP.search(asked.casefold())
    programme = not deadline and bool(_PROGRAMME_SAID.search(asked.casefold()))
    parts = _clauses(text.casefold())
    for i, part in enumerate(parts):
        if not _DATED.search(part):
            continue
        if other_steps and _STEP_DEADLINE.search(part) and not _APPLYING_STEP.search(_RELATIVE_TO_APPLYING.sub(" ", part)):
            continue  # ("Reference letters are due March 13, one week after the application deadline")
        if deadline and _OUTCOME_SAID.search(part) and not _APPLYING_STEP.search(part) and not _DEADLINE.search(part):
            continue  # "Offers will go out by July 11" dates the outcome, not the last day to apply
        coordinated = _COORDINATED.split(part)
        # a table's row ("Start date; Campus A: 1 September 2025; Campus B: 15 September"):
        # its label says what each cell's date is
        row = coordinated[0] if len(coordinated) > 2 and all(_CELL.match(c) for c in coordinated[1:]) else ""
        for said in coordinated:
            if not _DATED.search(said):
                continue
            said = f"{row} {said}" if row and said is not row else said
            if deadline and (_DEADLINE.search(said) or _BY_DATE.search(said) or _BEFORE_DATE.search(said)):
                return True
            if not deadline and (_START.search(said) or _SPAN.search(said)):
                # a programme starts on a day: "early starts from 05:00" is a shift's hour
                if programme and not _CALENDAR.search(said):
                    continue
                return True
        if i and parts[i - 1].rstrip().endswith("?") and asks_deadline(parts[i - 1]) is deadline:
            return True
    return False


def dates_as_asked(text: str, question: str) -> bool:
    """Tell whether ``text`` dates what a question about a deadline or a start asks for:
    "Send a CV … by 5pm on Friday 8 January 2027" is about "senior fellowship deadline?"
    though it shares no word with it."""
    asked = question.casefold()
    searched = text.casefold()
    deadline = asks_deadline(asked)
    if deadline is None or not _HOLDS["date"].search(searched):
        return False
    says_deadline = bool(_DEADLINE.search(searched) or _BY_DATE.search(searched))
    says_start = bool(_START.search(searched))
    return (says_deadline and not says_start) if deadline else (says_start and not says_deadline)


_HOW_MANY = re.compile(r"\bhow many\s+((?:[a-z'-]+\s+){0,4}[a-z'-]+)")
# words that count anyone ("how many people get picked?" is answered by "four mentees")
_ANYONE = frozenset({"people", "ppl", "persons", "folks", "humans"})
# the words a workforce is counted in, one for another
_WORKFORCE = frozenset({"employees", "staff", "workers", "workforce"})
_PEOPLE = tuple(sorted(_WORKFORCE | _ANYONE))
_APPLYING = re.compile(r"\bappl(?:y|ies|ied|ying)\b")
# "how many nurses are they taking / hiring?": the people a programme takes in are counted
# by its places ("48 residency positions", "six places")
_TAKING = re.compile(
    r"\b(?:tak(?:e|es|ing)|took|hir(?:e|es|ed|ing)|accept(?:s|ed|ing)?|admit(?:s|ted|ting)?|select(?:s|ed|ing)?|"
    r"recruit(?:s|ed|ing)?|offer(?:s|ed|ing)?)\b"
)
_PLACES = ("places", "positions", "spots", "openings", "seats", "vacancies")
_PLACE_NOUN = re.compile(r"\b(?:place|position|spot|opening|seat|vacanc(?:y|ie))s?\b")
_NOT_NOUNS = frozenset(
    "a an the of do does did is are was were will would can could should have has had get gets "
    "you u i we they he she it there their our your my per each every in on at for to and or "
    "roughly about approximately usually typically max maximum".split()
)


@lru_cache(maxsize=1024)  # asked of every sentence of every candidate
def _counted_nouns(asked: str) -> tuple[str, ...]:
    """Return the words a "how many …?" question counts ("how many public workshops do …" →
    public, workshops), or () when it counts anyone or nothing can be told."""
    match = _HOW_MANY.search(asked)
    if not match:
        return ()
    words: list[str] = []
    for word in match.group(1).split():
        if word in _NOT_NOUNS:
            break  # the noun phrase ends before "do", "is", "for" …
        words.append(word)
    if any(w in _ANYONE for w in words):
        # "how many people apply?" counts applicants, not the places they apply for
        return _APPLICANTS if _APPLYING.search(asked) else _PERSONS
    # what is counted is its first plural ("oral history grants": grants, not historians;
    # "companies use hf stuff": companies), else its last word, with the word before it
    # ("interview rounds" are counted by "a 20-minute phone interview, a technical interview …")
    at = next((i for i, w in enumerate(words) if len(w) > 3 and w.endswith("s") and not w.endswith("ss")), len(words) - 1)
    counted = tuple(w for w in words[max(0, at - 1) : at + 1] if len(w) >= 3)
    # ... unless the question speaks of places itself ("how many interns per position?")
    if counted and _TAKING.search(asked) and not _PLACE_NOUN.search(asked):
        return counted + _PLACES
    # places are counted under any of their names ("how many spots?": "Places: 6 graduates")
    if any(_PLACE_NOUN.fullmatch(w) for w in counted):
        return counted + _PLACES
    # a workforce is counted in people ("how many employees?": "a team of more than 1,400 people")
    if any(w in _WORKFORCE for w in counted):
        return counted + _PEOPLE
    return counted


_APPLICANTS = ("applicants", "applications", "candidates", "people")
# "how many people applied?" is answered by how many applications came in ("we received 340
# applications", "over 500 people applied"), not by how many one may send ("one application
# per cycle") or how many go on to a later step ("we invite about 20 applicants to interview")
_CAME_IN = re.compile(r"\b(?:receiv\w*|got|gets?|had|attract\w*|appl(?:y|ied|ies))\b")


# "how many people are on the team?" counts people, under whatever name: "a team of 14
# engineers", "11 of 14 trainees", "eight residents"
_PERSONS = (
    "people", "ppl", "persons", "staff", "members", "employees", "colleagues", "workers", "students", "interns",
    "fellows", "residents", "trainees", "apprentices", "volunteers", "candidates", "applicants",
    "participants", "scholars", "nurses", "guides", "mentors", "teachers", "tutors", "recruits",
    "associates", "graduates", "hires",
)
_PERSON_ENDING = re.compile(r"(?:er|or|ist|ant|ent|ee|ian)s$")


def _counts(text: str, end: int, nouns: tuple[str, ...]) -> bool:
    """Tell whether the number ending at ``end`` counts one of ``nouns``: one of the next
    four words is one of them ("four free public workshops", "22 interns", "six fellowships"
    for "fellows")."""
    following = re.findall(r"[a-z]+", text[end : end + 60])[:4]
    if nouns is _PERSONS and any(_PERSON_ENDING.search(w) for w in following):
        return True  # "14 engineers", "three analysts"
    return any(
        _same_word(w, n) and not _modifier(following, i) for i, w in enumerate(following) for n in nouns
    )


def _modifier(words: list[str], i: int) -> bool:
    """Tell whether ``words[i]`` only qualifies the plural after it: "three mentor preferences"
    counts preferences, not mentors (but "20 intern positions" counts interns by their places)."""
    if words[i].endswith("s") or i + 1 >= len(words):
        return False
    after = words[i + 1]
    return len(after) > 3 and after.endswith("s") and not after.endswith("ss") and after not in _PLACES


def counts_the_asked(text: str, question: str) -> bool:
    """Tell whether ``text`` counts what a "how many …?" question counts, by its name ("hosts
    three fellows" for "how many fellows get placed at central?"): a sentence that counts
    it is about what is asked, whatever else it shares with the question."""
    return bool(_counted_nouns(question.casefold())) and holds(text, "count", question)


def _counted_by_label(line: str, nouns: tuple[str, ...]) -> bool:
    """Tell whether a "Label: value" line counts one of ``nouns`` by its label: "Places: 6
    graduates per intake" says how many spots there are."""
    match = _LABEL.match(line)
    if not match or not _HOLDS["count"].search(line, match.end(1)):
        return False
    return any(_same_word(w, n) for w in re.findall(r"[a-z]+", match.group(1)) for n in nouns)


def _same_word(a: str, b: str) -> bool:
    """Tell whether two words are one, give or take an ending ("fellow", "fellowships")."""
    a, b = a.rstrip("s"), b.rstrip("s")
    if min(len(a), len(b)) < 4:
        return a == b
    short, long = sorted((a, b), key=len)
    # ... but one who does a thing is no other form of it ("researchers" are no "research")
    return long.startswith(short) and long[len(short) :] not in _AGENT_ENDINGS


_AGENT_ENDINGS = frozenset(("er", "or", "ist", "ian"))


# "annual bonus %", "the commission rate": the thing a share is asked of, said before it
_SHARE_OF_THING = re.compile(
    r"\b([a-z]{3,})\s*(?:%|percent|percentage|rates?)(?:\s+(?:for|of|at|in|on)\s+[^?]*)?\s*[?.!]*$"
)
_NOT_SHARED_THINGS = frozenset("what whats the a an of is are any exact".split())
# "how many gpu hours", "how many volunteer days": hours or days of a thing a word names
_MEASURED_IN_UNITS = re.compile(r"\bhow many\s+([a-z]{2,})[\s-]+(?:hours|days|weeks|months|years)\b")
# ... not words that say which hours count, of anything ("working hours", "paid days")
_PLAIN_UNIT_WORDS = frozenset(
    "working work paid unpaid total weekly daily extra office contact business calendar full whole more fewer "
    "vacation holiday holidays leave annual sick pto off free study training "
    # (the programme's own: "how many residency days can i miss?")
    "residency internship fellowship apprenticeship traineeship programme program placement course".split()
)
_UNIT_COMPOUND = re.compile(r"\b([a-z]{2,})-(hours|days|weeks|months|years)\b")  # "GPU-hours", "person-days"
_UNITS = ("hour", "day", "week", "month", "year")
_UNIT_WORD = re.compile(r"\b(hour|day|week|month|year)s?\b")
# "how many samples a day?" counts samples: the day is a rate, not what is counted
_HOW_MANY_UNITS = re.compile(r"\bhow many\s+(?:(?!(?:a|an|per|each|every)\b)[a-z-]+\s+){0,2}?(hour|hr|day|week|month|year)s?\b")


_RATE = re.compile(r"\s+(?:a|an|per|each|every)\s+(hour|day|week|month|year)\b")


@lru_cache(maxsize=1024)
def _counted_unit(asked: str) -> tuple[str, str | None] | None:
    """Return the unit a "how many weeks …?" question counts in, and the rate it counts
    them per ("how many hours a week?": hour, week), or None when it names no unit."""
    match = _HOW_MANY_UNITS.search(asked)
    if not match:
        return None
    rate = _RATE.match(asked, match.end())
    return ("hour" if match.group(1) == "hr" else match.group(1)), (rate.group(1) if rate else None)


def _units_near(asked: str) -> frozenset[str] | None:
    """Return the units a "how many weeks …?" question can be answered in: its own and the
    next ones up and down ("36 months" answers "how many years?", "six months" does not
    answer "how many days of leave?"); None when it names no unit."""
    counted = _counted_unit(asked)
    if counted is None:
        return None
    unit, rate = counted
    # "how many hours a week?" is answered in hours a week: "four days a week" counts
    # something else, and the week is what the hours are counted in, no answer itself
    if rate:
        return frozenset({unit})
    at = _UNITS.index(unit)
    return frozenset(_UNITS[max(0, at - 1) : at + 2])


@lru_cache(maxsize=1024)
def _asked_rate(asked: str) -> re.Pattern[str] | None:
    """Return how a text says the rate a "how many hours a week?" question counts in ("a
    week", "per week", "weekly", "each week"), or None when it asks for no rate."""
    counted = _counted_unit(asked)
    unit = counted[1] if counted else None
    if unit is None:
        return None
    adverb = {"day": "daily", "year": "yearly|annually|annual"}.get(unit, f"{unit}ly")
    if unit == "day":  # "3 hours every morning"
        unit = "(?:day|morning|afternoon|evening|night|shift|session)"
    return re.compile(rf"\b(?:(?:a|an|per|each|every|/)\s*{unit}|{adverb})\b")


# Days of the week are counted by naming them: "in the office on Tuesdays and Thursdays",
# "Monday to Friday" (two or more weekdays in a run) answer "how many days (a week)?"
_WEEKDAYS = re.compile(rf"\b{_WEEKDAY}(?:\s*(?:,|and|&|or|to|through|till|until|-|–|—)\s*{_WEEKDAY})+\b")
_DAYS_A_WEEK = (("day", None), ("day", "week"))


# "how long can my portfolio be?", "how long should the statement be": the length of a text
_ASKS_TEXT_LENGTH = re.compile(
    r"\bhow long\b(?!.*\b(?:take|takes|last|lasts)\b).*\b(?:proposals?|essays?|statements?|letters?|cv|"
    r"resumes?|résumés?|abstracts?|cover notes?|bios?|summar(?:y|ies)|pitch|reports?|portfolios?|writing samples?)\b"
)
_TEXT_LENGTH = re.compile(
    rf"\b{_NUMBER}(?:\s*(?:-|–|to)\s*{_NUMBER})?[\s-]*(?:words?|pages?|sides?|characters?|slides?|images?)\b"
)


# How young or how old one may be, asked and said
_ASKS_MIN_AGE = re.compile(r"\b(?:min|minimum|youngest|lowest|how young|how old do (?:i|you|we) (?:have|need) to be|old enough|under ?18)\b")
_ASKS_MAX_AGE = re.compile(r"\b(?:max|maximum|oldest|upper|too old|age cap)\b")
_MAX_AGE = re.compile(r"\b(?:no|an?|the) (?:upper|maximum) age limit\b|\bmaximum age\b|\boldest\b[^.;]*")
# an upper age bound, a range or no limit: what answers one asked for (not "Minimum age: 16",
# "23 or over", "ushers aged 16 or 17 are not rostered late")
_UPPER_AGE_SAID = re.compile(
    r"\b(?:under|below|younger than|up to|no older than|not older than)\s+(?:the age of\s+)?\d{1,2}\b"
    r"|\b\d{1,2}\s*(?:or|and) (?:under|younger|below)\b"
    r"|\b\d{1,2}\s*(?:-|–|to|and)\s*\d{1,2}\b(?:[- ]year[- ]olds?|\s+(?:years?|on|at|when|by)\b)?"
    r"|\b(?:no|an?|the|any) (?:upper |maximum )?age (?:limit|cap|restriction)s?\b|\b(?:maximum|upper|max) age\b"
    r"|\b(?:any|all) ages?\b|\bretire\w*|\boldest\b"
)


def asks_max_age(question: str) -> bool:
    """Tell whether a question asks for an upper age bound ("am i too old?")."""
    return _ASKS_MAX_AGE.search(question.casefold()) is not None


# "could i apply?", "am i eligible?", "can a masters student do it?": whether the member may take part
_ELIGIBILITY_ASKED = re.compile(
    r"\b(?:can|could|may|would)\s+(?:i|we|someone|people|students?|grads?|graduates?|an?\s+[a-z]+(?:\s+[a-z]+)?)\s+"
    r"(?:still\s+|even\s+|also\s+)?(?:apply|be eligible|qualify|join|do (?:it|this|the))\b"
    r"|\b(?:am i|are we|would i be|is s?he)\s+(?:still\s+)?eligible\b|\bdo (?:i|we) qualify\b|\bis (?:it|this) open to\b"
)


def asks_eligibility(question: str) -> bool:
    """Tell whether a question asks whether the member may apply or take part."""
    return _ELIGIBILITY_ASKED.search(question.casefold()) is not None


# "when was the residency announced?", "when did this go up?": the date of the document itself
_PUBLISHED_ASKED = re.compile(
    r"\bwhen (?:was|were|did|is|has)\b[^?]*\b(?:announc\w*|publish\w*|posted|released|launched|go up|went up|put up|come out|came out)\b"
    r"|\bhow old is (?:this|the|that)\b[^?]*\b(?:post|posting|listing|announcement|article|page|ad)\b"
)


def asks_published(question: str) -> bool:
    """Tell whether a question asks when the document was published ("when was it announced?")."""
    return _PUBLISHED_ASKED.search(question.casefold()) is not None


def asks_outcome(question: str) -> bool:
    """Tell whether a question asks when applicants learn the outcome ("when will I hear back?")."""
    asked = question.casefold()
    return bool(_OUTCOME_ASKED.search(asked)) and not asks_deadline(asked)


def outcome_words(question: str) -> list[str]:
    """Return the words of a question that ask for the outcome ("find out", "hear back")."""
    return [w for m in _OUTCOME_ASKED.finditer(question.casefold()) for w in m.group(0).split()]


# "is it paid?", "do I still get the rest of the money?", "what happens to the money if I fail?":
# whether money is paid (not how much), which "the remaining instalments are not paid" says
_IS_IT_PAID = re.compile(r"\b(?:is|are|will)\b.*\bpaid\s*[?.!]*$")


def _paid_as_asked(text: str, asked: str) -> bool:
    """Tell whether "is the X paid?" is answered by ``text`` saying the X is paid ("a paid
    trial shift", "the trial shift is paid")."""
    if not _IS_IT_PAID.search(asked):
        return False
    things = [w for w in re.findall(r"[a-z]{4,}", asked) if w not in ("paid", "does", "will", "they", "there", "still")]
    return any(
        re.search(rf"\b(?:paid|unpaid)\s+(?:[a-z-]+\s+)?{w}|\b{w}\w*\s+(?:is|are|will be)\s+(?:fully\s+|also\s+)?(?:paid|unpaid)\b", text)
        for w in things
    )


_WHETHER_PAID_ASKED = re.compile(r"\bpaid\b|\bstill\b|\bwhat happens\b")
_NOT_PAID = re.compile(r"\bnot paid\b")


# a figure asked for ("exact number", "salary range"), which "a competitive salary" does not give
_FIGURE_ASKED = re.compile(r"\b(?:exact|exactly|actual|number|figure|range|band|precise|precisely|specific)\b")
_COMPETITIVE = re.compile(r"\bcompetitive (?:salary|salaries|stipends?|pay|compensation|wages?)\b")
# an age asked of the member, and the people a programme serves, said with their ages
_OWN_AGE_ASKED = re.compile(r"\b(?:do|does|would|will|should)\s+(?:i|you|u|we|one|applicants?|volunteers?)\s+(?:have|need)\s+to\s+be\b"
                            r"|\b(?:am i|im|i'?m|i am)\b|\bhow old\b")
_SERVED = re.compile(r"\b(?:child|children|kids?|pupils?|young people|learners?|youths?|teens?|teenagers?)\b")
_AGED = r"\s+(?:aged|ages|between|from|of)\s+(?:between\s+)?\d{1,2}(?:\s*(?:-|–|to|and)\s*\d{1,2})?(?:[- ]year[- ]olds?)?"
_CHILDREN_AGED = re.compile(rf"\b(?:child|children|kids?|pupils?|toddlers?|infants?|babies){_AGED}")
_SERVED_AGE = re.compile(
    rf"\b(?:child|children|kids?|pupils?|young people|learners?|youths?|teens?|teenagers?){_AGED}"
    r"|\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}[- ]year[- ]olds?\b(?=[^.;]{0,20}\b(?:child|children|kids|pupils)\b)"
)


def holds(text: str, kind: AnswerKind, question: str = "") -> bool:
    """Tell whether ``text`` holds an answer of ``kind`` that the question does not already contain."""
    asked = question.casefold()
    if kind == "place" and _WHERE_TO_SEND.search(asked) and _CHANNEL.search(text):
        return True
    if kind == "contact" and _CONTACT_PERSON.search(text):
        return True  # "send a direct message to Merve Noyan or Omar Espejel"
    if kind == "amount" and _paid_as_asked(text.casefold(), question.casefold()):
        return True  # "is the trial shift paid?": "we'll invite you to a paid trial shift"
    if kind == "amount" and (premium := _premium_asked(asked)) and _premium_rate(premium, text.casefold()):
        return True  # "whats the shift allowance?": "plus a 15% shift allowance on top of base salary"
    searched = text if kind in ("place", "person", "name") else text.casefold()
    if kind == "amount" and _FIGURE_ASKED.search(asked):
        # "residency salary exact number?" is not answered by "a competitive salary"
        searched = _COMPETITIVE.sub(" ", searched)
    if kind == "age" and not _SERVED.search(asked):
        # "how old do you have to be for reading partners?" is not answered by "pairs a
        # volunteer with a child aged 7 to 11": the age of those the programme serves; nor
        # "camp counsellor age?" by "for children aged 5–12" (though "young people aged 14–17"
        # may be who applies)
        searched = (_SERVED_AGE if _OWN_AGE_ASKED.search(asked) else _CHILDREN_AGED).sub(" ", searched)
    if kind == "date" and asked and _other_date(asked, searched):
        return False
    if kind == "date" and _PROGRAMME_SAID.search(asked) and _END_ASKED.search(asked) and not _CALENDAR.search(searched):
        return False  # "when does the sound traineeship finish?" is not answered by "9.30am to 5.30pm"
    if kind in ("date", "duration") and _OUTCOME_ASKED.search(asked) and not asks_deadline(asked):
        # "when will they tell us if we got in?", "how long until we hear back?" are answered
        # by when outcomes come, not by when applications close
        searched = _only_clauses(searched, lambda part: _OUTCOME_SAID.search(part) is not None)
        if kind == "date" and any(
            _OUTCOME_WITHIN.search(part) and _HOLDS["duration"].search(part) for part in _clauses(searched)
        ):
            return True  # "when will I find out?": "we aim to tell you the outcome within three weeks"
    if kind == "duration":
        searched = _UNIT_COMPOUND.sub(r"\1 \2", searched)  # "20,000 GPU-hours" as "20,000 GPU hours"
    if kind == "date" and _WHEN_PAID_ASKED.search(asked) and _PAID_WHEN.search(searched):
        return True  # "when do I get paid?": "paid 40% when you sign the grant agreement and 60% after your report"
    if kind == "count":
        searched = _HOLDS["duration"].sub(" ", _DURATION_RUN.sub(" ", _NOT_COUNTS.sub(" ", searched)))
        searched = _SHARE.sub(" ", searched)  # "75% of the grant" counts no grants
        counted = _counted_nouns(asked)
        if counted:
            if counted is _APPLICANTS:
                searched = _only_clauses(searched, lambda part: _CAME_IN.search(part) is not None)
            return any(_counts(searched, m.end(), counted) for m in _HOLDS["count"].finditer(searched)) or any(
                _counted_by_label(part, counted) for part in _clauses(searched)
            )
    elif kind == "quantity":
        searched = _NOT_COUNTS.sub(" ", searched)  # a sum, a year or a date measures nothing asked
    elif kind == "place":
        searched = _VAGUE_PLACES.sub(" ", searched)
    elif kind == "weekdays":
        searched = _ONE_OCCASION.sub(" ", searched)  # "on the last Thursday" is no day one works
    elif kind == "age" and _ASKS_MIN_AGE.search(asked) and not _ASKS_MAX_AGE.search(asked):
        searched = _MAX_AGE.sub(" ", searched)  # "no upper age limit" says nothing of how young one may be
    elif kind == "age" and _ASKS_MAX_AGE.search(asked) and not _UPPER_AGE_SAID.search(searched):
        return False  # "is there a max age for ushers?" is not answered by "Minimum age: 16", "23 or over"
    elif kind == "duration" and _ASKS_LENGTH.search(asked) and not _ASKS_WORKLOAD.search(asked):
        searched = _WORKLOAD.sub(" ", searched)
        if not _ASKS_EXPERIENCE.search(asked):
            searched = _NOT_LENGTH.sub(" ", searched)
        if not _ASKS_TIME_OUT.search(asked):
            searched = _TIME_OUT.sub(" ", searched)
        if _ASKS_SPAN.search(asked):
            if _DATE_SPAN.search(searched):
                return True
            if (
                not _SPANNING.search(searched)
                # "Length: 18 months, full-time", a line of the key facts
                and not any(label_kind(line) == "duration" for line in text.split("\n"))
                and not _LABELLED_SPAN.search(searched)  # "Contract: 5 months, October 2025 – March 2026"
            ):
                return False
    if kind == "duration" and _ASKS_HOURS_WORKED.search(asked):
        searched = _HOURS_OF_A_THING.sub(" ", searched)  # "a one-hour check-in every week" is no working week
    if kind == "duration" and _ASKS_TEXT_LENGTH.search(asked):
        # "how long can the proposal be?" is answered in words or pages, not in months
        return any(m.group(0).strip() not in asked for m in _TEXT_LENGTH.finditer(searched))
    unpaid = searched
    if kind == "amount" and (payee := _PAYEE_ASKED.search(asked)):
        # "are tidewater mentors paid?" is not answered by "Mentees receive a stipend of USD
        # 3,000": a sum said of another group of people is theirs; nor by "the remaining
        # instalments are not paid", which says nothing of the mentors
        group = _group_of(payee[1] or payee[2])
        searched = _only_clauses(searched, lambda part: not _ANY_SUM.search(part) or not _paid_to_another(part, group))
        unpaid = _only_clauses(searched, lambda part: re.search(rf"\b{re.escape(group[:5])}", part) is not None)
    if kind == "amount" and _WHETHER_PAID_ASKED.search(asked) and _NOT_PAID.search(unpaid):
        return True  # "do I still get paid if I fail?": "the remaining instalments are not paid"
    if kind == "amount" and not _PAY_ASKED.search(asked) and not _premium_asked(asked) and _SHARE_OF_MONEY.search(searched):
        # "how much does corvane put into your pension?": "we match up to 5%", a share of pay
        # (what a job pays is a sum)
        return True
    if kind == "amount" and not _PAY_ASKED.search(asked) and (moneys := _money_asked(asked)):
        # "quayside residency fee" is not answered by "an access budget of up to £500", nor
        # "summer school fee" by "travel grants of up to €400": a sum said as money of
        # another kind is that money's
        searched = _only_clauses(searched, lambda part: not _sum_of_other_money(part, moneys))
    if kind == "amount" and (asked_premium := _premium_asked(asked)):
        # "how much is the on call stipend?" is not answered by the base salary line
        searched = _only_clauses(
            searched, lambda part: not _ANY_SUM.search(part) or _premium_sum(asked_premium, part)
        )
    elif kind == "amount" and (purpose := _money_purpose(asked)):
        # "how much relocation money does the advocate get?" is not answered by the salary
        # line: the sum must be said of what the money is for
        searched = _only_clauses(searched, lambda part: not _ANY_SUM.search(part) or _said_purpose(purpose, part))
    if kind == "amount" and _PAY_ASKED.search(asked) and not _OTHER_MONEY.search(asked):
        # "what does the yard jockey job pay?" is not answered by "a $1,000 referral bonus"
        # or "tuition assistance of up to $5,250", which are money of another kind; nor by a
        # "relocation stipend", which is no pay though it says "stipend"
        premium = _premium_asked(asked)
        searched = _only_clauses(
            searched,
            lambda part: bool(_PAY_SAID.search(_PAID_HOW.sub(" ", _OTHER_PAY.sub(" ", part))))
            or not _OTHER_MONEY.search(part)
            # "on call pay?" is paid as "an on-call allowance of €300 for each week"
            or (premium is not None and _said_premium(premium, part))
            # "£38,500 a year, plus a £2,000 signing bonus" says the pay, then other money
            or any(_ANY_SUM.search(said) and not _OTHER_MONEY.search(said) for said in _PLUS.split(part)),
        )
        if premium is None and not _PREMIUM_SAID.search(asked) and not _PREMIUM_ASKED.search(asked):
            # "fraud analyst hourly pay" is not answered by "A shift differential of $2.00 per
            # hour is paid for hours worked after 6:00 p.m.", a sum of pay on top of the pay
            # asked for ("£31,000 per year, plus a 15% shift allowance on top of base salary"
            # says both; "$1,612.40 per week before penalty rates" is the pay)
            searched = _only_clauses(
                searched,
                lambda part: not _PREMIUM_SUM.search(part)
                or _BASE_PAY.search(part) is not None
                or _ANY_SUM.search(_PREMIUM_SUM.sub(" ", part)) is not None,  # "$23.50/hour, plus a 2nd shift differential of $2.00/hour"
            )
            # "pay for cellar hand?" is not answered by "hours above 45 are paid at time and a
            # half", a multiple of the pay (what overtime earns), nor by "Contracted hours are
            # 45 per week", a count of hours
            searched = _only_clauses(
                searched,
                lambda part: _HOLDS["amount"].search(_NO_PAY_SAID.sub(" ", part)) is not None
                or not _NO_PAY_SAID.search(part),
            )
    if kind == "duration" and (families := _time_out_asked(asked)):
        # "how many vacation days?" is answered where the leave is spoken of ("25 days of
        # annual leave"), not by "two days a week from home" or "eleven weeks"
        searched = _only_clauses(searched, lambda part: any(f.search(part) for f in families))
    if kind == "share" and (of := _SHARE_OF_THING.search(asked)) and of[1] not in _NOT_SHARED_THINGS:
        # "quillmoor annual bonus %" is answered where the bonus is said, not by "RRSP matching
        # up to 4% of your salary"; "commission rate?" where commission is
        stem = of[1][:5]
        searched = _only_clauses(searched, lambda part: re.search(rf"\b{re.escape(stem)}", part) is not None)
    if kind == "duration" and (measured := _MEASURED_IN_UNITS.search(asked)) and measured[1] not in _PLAIN_UNIT_WORDS:
        # "how many gpu hours?" is answered where GPU hours are said ("20,000 GPU hours"), not by
        # "under 100 hours of transcribed audio"
        searched = _only_clauses(searched, lambda part: re.search(rf"\b{re.escape(measured[1])}", part) is not None)
    units = _units_near(asked) if kind == "duration" else None
    if _counted_unit(asked) in _DAYS_A_WEEK and not _ASKS_TIME_OUT.search(asked) and _WEEKDAYS.search(searched):
        return True  # "how many days a week in the office?": "on Tuesdays and Thursdays"; days off are no weekdays
    if units is not None and (rate := _asked_rate(asked)) is not None and not rate.search(searched):
        return False  # "about 2 hours" of a test does not say how many hours a week
    for match in _HOLDS[kind].finditer(searched):
        found = match.group(0).casefold().strip()
        if units is not None and (said := _UNIT_WORD.findall(found)) and said[-1] not in units:
            continue  # "how many days of leave?" is not answered by "six months"
        if kind == "name":
            # "The Institute", "Our Head of Forecasting": the determiner is no part of a name
            words = found.split()
            while words and words[0] in _DETERMINERS:
                words = words[1:]
            if len(words) < 2 and not found.startswith("@"):
                continue
            found = " ".join(words)
        if not found or (found in asked and kind not in ("terms", "workplace")):  # "is it permanent?": "Permanent" answers
            continue
        # A name that shares a word with the question is what it asks about, not who
        # answers it: "The Tidewater Software Foundation runs …" for "who runs tidewater?".
        if kind in ("person", "name") and " " in found and set(re.findall(r"[^\W\d_]{3,}", asked)) & set(found.split()):
            continue
        return True
    return False


_ORDINALS = {w: n for words in (_ORDINAL_WORDS, _CARDINAL_WORDS) for n, w in enumerate(words, start=1)}
_YEAR_OF = re.compile(
    r"\b(first|second|third|fourth|fifth|[1-5](?:st|nd|rd|th))[- ]years?\b|\byear (one|two|three|four|five|[1-5])\b", re.I
)


def years_of(text: str) -> frozenset[int]:
    """Return the years of a programme or a degree that ``text`` speaks of ("second-year",
    "year 2", "3rd year"): a first year's wage does not answer what the third year pays."""
    out = set()
    for match in _YEAR_OF.finditer(text):
        word = (match.group(1) or match.group(2)).casefold()
        out.add(int(word[0]) if word[0].isdigit() else _ORDINALS[word])
    return frozenset(out)


_CALENDAR_YEAR = re.compile(r"\b((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)?\d\d)\b)?")
# "the 2026 class", "2027 round", "the 2026 khta apprentice class": a year that names an edition
_EDITION_NOUNS = (
    r"class|cohort|round|intake|season|edition|call|programmes?|programs?|internships?|fellowships?|"
    r"residency|residencies|scheme|apprenticeships?|placements?|interns|fellows|residents|apprentices"
)
# the money of a programme is for no one purpose ("the fellowship money")
_PROGRAMME_NOUN = re.compile(rf"(?:{_EDITION_NOUNS}|interns?|mentorships?|grants?|awards?|bursar(?:y|ies))")
_EDITION_YEAR = re.compile(rf"\b(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\s+(?:[a-z]+\s+){{0,2}}?(?:{_EDITION_NOUNS})\b")
# "what did it pay back in 2024", "is it running in 2026": the year the question is about, when
# it says nothing of the asker ("I graduated in 2023" is the member's year, not the programme's)
_IN_YEAR = re.compile(r"\b(?:in|for|during)\s+(?:(?:the\s+)?(?:summer|spring|autumn|fall|winter)\s+(?:of\s+)?)?(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\b")
# "the 2026 apprentice showcase", "this 2025 open day": a year that names which one of a thing
_THE_YEARS = re.compile(r"\b(?:the|this|next|last|that)\s+(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\s+[a-z]")
_ASKER = re.compile(r"\b(?:i|i'?m|i'?ve|i'?d|me|my|we|our|us)\b")
# "the marrowgate summer school 2027", "bursary 2027 deadline", "arctic cruise (2026)": a year after the name it is of
# (not a date's, "june 2027", nor a time's, "since 2019")
_NAMED_YEAR = re.compile(
    rf"\b(?!(?:{_MONTHS}|may|since|before|after|until|till|by|from|in|of|on|to|and|or|the|between|around|about|year)\b)"
    r"[a-z]{3,}\s+\(?((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d|,?\s*\d)"
)


def calendar_years(text: str) -> frozenset[int]:
    """Return the calendar years ``text`` says, a range's ("2025–26") each."""
    out: set[int] = set()
    for match in _CALENDAR_YEAR.finditer(text):
        first = int(match.group(1))
        out.add(first)
        if match.group(2):
            last = int(match.group(2)) if len(match.group(2)) == 4 else first // 100 * 100 + int(match.group(2))
            if last > first:  # "2025–26"; a long range's ends only ("2025–2030")
                out.update(range(first, last + 1) if last - first <= 2 else (last,))
    return frozenset(out)


def edition_years(question: str) -> frozenset[int]:
    """Return the years of a programme's edition a question asks about: "the 2026 class", "the
    2027 round", or "in 2024" in a question that says nothing of the asker."""
    text = question.casefold()
    spans = [m.group(0) for m in _EDITION_YEAR.finditer(text)]
    spans += [m.group(0) for m in _THE_YEARS.finditer(text)]
    if not _ASKER.search(text):
        spans += [m.group(0) for m in _IN_YEAR.finditer(text)]
        spans += [m.group(1) for m in _NAMED_YEAR.finditer(text)]
    return frozenset(y for span in spans for y in calendar_years(span))


def year_ranges(text: str) -> frozenset[tuple[int, int]]:
    """Return the academic years ``text`` says as ranges ("2026–27", "2027/2028"), each as its
    first and last year."""
    out: set[tuple[int, int]] = set()
    for match in _CALENDAR_YEAR.finditer(text):
        if match.group(2):
            first = int(match.group(1))
            last = int(match.group(2)) if len(match.group(2)) == 4 else first // 100 * 100 + int(match.group(2))
            if last == first + 1:
                out.add((first, last))
    return frozenset(out)


# "cohort 5", "round #2", "intake 3": an edition of a programme by its number
_EDITION_NUMBER = re.compile(r"\b(cohort|round|batch|intake|wave|edition)\s*(?:#|no\.?\s*|number\s+)?(\d{1,2})\b", re.I)


def edition_numbers(text: str) -> frozenset[tuple[str, int]]:
    """Return the numbered editions ``text`` speaks of, each as its noun and number ("cohort", 5)."""
    return frozenset((m.group(1).casefold(), int(m.group(2))) for m in _EDITION_NUMBER.finditer(text))


# "the autumn cohort", "Spring 2026 intake", "the fall session": an edition by its season
_EDITION_SEASON = re.compile(
    # "the Spring 2026 cohort", and one with the programme's name between ("the autumn lanternworks cohort")
    r"\b(spring|summer|autumn|fall|winter)(?:\s+(?:20\d\d|'\d\d))?(?:\s+(?!(?:and|or|to|the|a|an|in|of|for|is|are)\b)[a-z][\w-]*){0,2}?"
    r"\s+(?:cohorts?|intakes?|sessions?|seasons?|terms?|rounds?|semesters?|internships?|fellowships?|residenc(?:y|ies)|placements?|"
    r"programmes?|programs?|schemes?|apprenticeships?)\b",
    re.I,
)


# (not a time gone by, "last autumn", nor every year's, "every spring")
_SEASON_WORD = re.compile(r"(?<!\blast )(?<!\bevery )(?<!\beach )\b(spring|summer|autumn|fall|winter)\b", re.I)


def seasons_said(text: str) -> frozenset[str]:
    """Return the seasons ``text`` names at all ("autumn" for "the fall civic code")."""
    return frozenset("autumn" if (w := m.group(1).casefold()) == "fall" else w for m in _SEASON_WORD.finditer(text))


# "Applications for Spring 2026 close …": a season with its year is an edition by itself
_SEASON_YEAR = re.compile(r"\b(spring|summer|autumn|fall|winter)\s+(?:20\d\d|'\d\d)\b", re.I)


def edition_seasons(text: str) -> frozenset[str]:
    """Return the seasons of the editions ``text`` speaks of ("autumn" for "the fall cohort",
    "spring" for "Applications for Spring 2026 close")."""
    return frozenset(
        "autumn" if (season := m.group(1).casefold()) == "fall" else season
        for pattern in (_EDITION_SEASON, _SEASON_YEAR)
        for m in pattern.finditer(text)
    )


# "what's the phone number?", "who do I ring?": a number to call, not an e-mail address
_PHONE_ASKED = re.compile(r"\bphone\b|\bring\b|\b(?:number|no\.?) (?:do|can|should) (?:i|we) call\b")
_PHONE = re.compile(r"\+?\(?\d[\d ().-]{7,}\d")


def _asks_phone(question: str) -> bool:
    return _PHONE_ASKED.search(question.casefold()) is not None


# The steps of a process are counted by listing them: "how many interview rounds?" is
# answered by the list of rounds under "Interview process", whose items are not numbered.
_STEP_NOUNS = frozenset({"round", "stage", "step", "phase", "interview"})
_LIST_ITEM = re.compile(r"^(?:• |\d{1,2}[.)]\s)", re.M)
# what a process is called, in a heading or in the line that introduces its steps
PROCESS_WORDS = re.compile(r"\b(?:process|steps|stages|rounds|how we hire|hiring|interviews?|selection)\b", re.I)
_ASKS_PROCESS = re.compile(r"\b(?:process|steps|stages|what happens|how does (?:the )?(?:hiring|selection|interview))\b", re.I)


# "what benefits do grads get?", "which internships are in the science team?", "what are the
# requirements?": the things of a kind, all of them (the noun asked, plural)
_LIST_ASKED = re.compile(
    r"\b(?:what|which|wat|wht|whats|what's|what’s|what're)\s+"
    r"(?:(?:are|r)\s+(?:all\s+)?(?:the\s+)?|all\s+(?:the\s+)?|(?:kinds?|sorts?|types?)\s+of\s+|other\s+)?"
    r"([a-z]{3,}[^su\W]s)\b"
    r"|\b(?:list|all)\s+(?:of\s+)?(?:the\s+)?([a-z]{3,}[^su\W]s)\b"
)


def listed_nouns(question: str) -> tuple[str, ...]:
    """Return the plural nouns a question asks all of ("what benefits do grads get?":
    "benefits"; "what do scholars get?": what they receive, their benefits), or () when it
    asks for no list."""
    asked = question.casefold()
    nouns = tuple(m.group(1) or m.group(2) for m in _LIST_ASKED.finditer(asked))
    return nouns + (("receive", "benefits") if _GIVEN_PHRASE.search(asked) else ())


# "how does the fellowship work?", "explain the residency", "whats the deal with X": X as a whole
_OVERVIEW_ASKED = re.compile(
    r"^\W*(?:so\s+|ok\s+|okay\s+)?(?:"
    r"how\s+(?:does|do|will|would)\s+.+?\s+work(?:s)?(?:\s+exactly)?"
    r"|(?:can\s+(?:you|u)\s+|pls\s+|please\s+)?explain\s+.+"
    r"|tell\s+me\s+(?:more\s+)?about\s+.+"
    r"|what(?:'s|’s|s|\s+is)\s+the\s+deal\s+with\s+.+"
    r")\W*$"
)
OVERVIEW_WORDS = "work works exactly explain tell more about deal"  # what such a question says besides its names


def asks_overview(question: str) -> bool:
    """Tell whether a question asks how a programme goes as a whole ("how does X work?")."""
    return _OVERVIEW_ASKED.match(question.casefold()) is not None


def asks_process(question: str) -> bool:
    """Tell whether a question asks how a process goes ("what's the interview process?",
    "what happens in the interviews?")."""
    return _ASKS_PROCESS.search(question) is not None


def counted_by_list(text: str, heading: str | None, question: str) -> bool:
    """Tell whether a "how many …?" question that counts the steps of a process (rounds,
    stages, steps, phases, interviews) is answered by a list of two items or more under a
    heading that says what it counts or names a process ("Interview process")."""
    counted = _counted_nouns(question.casefold())
    if not heading or not any(_same_word(n, step) for n in counted for step in _STEP_NOUNS):
        return False
    if len(_LIST_ITEM.findall(text)) < 2:
        return False
    said = re.findall(r"[a-z]+", heading.casefold())
    return any(_same_word(w, n) for w in said for n in counted) or PROCESS_WORDS.search(heading) is not None


def holds_as_asked(text: str, kind: AnswerKind, question: str, faq_question: str | None = None) -> bool:
    """Tell whether ``text`` holds an answer of ``kind`` as the question asks for it: for a
    deadline or a start, a date said to be one (:func:`dates_the_asked`), not any date; for
    a phone number, a number (not an e-mail address)."""
    asked, said = question.casefold(), text.casefold()
    if (
        kind == "duration"
        and faq_question
        and _ASKS_SPAN.search(faq_question.casefold())
        and _ASKS_SPAN.search(asked)
        and _OPENS_WITH_SPAN.match(said)
    ):
        return True  # "How long is the apprenticeship?" / "Four years, full time."
    if kind == "date" and _counted_from_joining(asked, said):
        return True
    if not holds(text, kind, question):
        return False
    if kind == "contact" and _asks_phone(question):
        return has_contact(text, question)
    if kind == "date" and (deadline := asks_deadline(asked)) is not None:
        return dates_the_asked(text, deadline, faq_question, question)
    return True


def _counted_from_joining(asked: str, said: str) -> bool:
    """Tell whether ``said`` answers when something happens to a member by counting from when
    they join: "when do I join the on-call rotation?" / "after your first six months", "when
    does health insurance kick in?" / "from the first of the month after your hire date"."""
    if asks_deadline(asked) is None and _WHEN_FOR_ME.search(asked) and _AFTER_A_WHILE.search(said):
        return True
    return bool(_BENEFIT_START_ASKED.search(asked) and _STARTS_AFTER.search(said))
