"""English stop words dropped from passages and questions alike.

The Snowball English list, plus the words people wrap questions in ("can you tell
me", "please", "hey") that say nothing about what is asked, and the same said as members
type them in chat: contractions without their apostrophe ("im", "dont"; not those that are
words of their own, "id", "well", "shed") and shorthand ("u", "rn", "tbh"), and the nouns that stand in for a name ("the volunteer
tutor thing", "vision and language stuff").
"""

# Question words are kept as terms: an FAQ question "When is the deadline?" should match
# "When do applications close?" better than "Who can apply?". They say how something is
# asked, not what about, so they do not count towards coverage (see SearchEngine.coverage_many).
INTERROGATIVES: frozenset[str] = frozenset("who when where why how what which".split())

STOPWORDS: frozenset[str] = (
    frozenset(
        """
    a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
    having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll
    i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor
    not of off on once only or other ought our ours ourselves out over own same shan't she she'd
    she'll she's should shouldn't so some such than that that's the their theirs them themselves
    then there there's these they they'd they'll they're they've this those through to too under
    until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where
    where's which while who who's whom why why's with won't would wouldn't you you'd you'll
    you're you've your yours yourself yourselves
    also just may might must shall will s t d ll m re ve
    many much please hi hey hello thanks thank anyone somebody someone tell know wondering wonder
    im ive dont doesnt didnt isnt arent wasnt werent havent hasnt hadnt wouldnt couldnt shouldnt
    cant wont youre youve youll youd theyre theyve thats whats theres heres hes shes
    u ur pls plz rn tbh idk lol btw ya gonna wanna gotta kinda thx
    ngl haha hahaha lmao lmfao imo imho omg tysm thnx thanx sorta yall jk fyi hmm uhh okay yeah yep yes
    thing things stuff
    """.split()
    )
    - INTERROGATIVES
)
