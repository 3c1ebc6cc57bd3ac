"""Crisis language: a message that speaks of harming or killing oneself.

Safety first and on the side of seeing it: when in doubt the product shows help. The
articles don't cover this; responsible software must. Figures of speech that only
sound alike ("this commute is killing me", "I could die for a pizza") are excluded.
"""

from __future__ import annotations

from reunite.domain.coach.text import compile_folded, fold, normalize

_SELF = r"(?:myself|my self|meself|myslef)"

_CRISIS_PATTERNS = [
    r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|end|ending|off|offing) "
    + _SELF
    + r"\b(?! laughing)",
    r"\bk[i1]ll(?:ing)? my ?self\b",
    r"\bkms\b",
    r"\bsuicid(?:e|al)\b",
    r"\bself[- ]?harm",
    r"\bend (?:it all|my life|everything|things for good)\b",
    r"\b(?:take|taking|took) my (?:own )?life\b",
    r"\bend(?:ing)? it(?: all)? (?:tonight|now|today|for good)\b",
    r"\b(?:don'?t|do not|dont) (?:want|wanna) to (?:be here|be alive|live|exist|wake up|go on)(?: anymore| any more)?\b",
    r"\b(?:don'?t|do not|dont) (?:want|wanna) (?:be here|be alive|live|exist|wake up)\b",
    r"\b(?:want|wanna|wish i (?:could|was|were)) (?:to )?(?:die|dead|be dead|disappear forever|not exist|not wake up|never wake up)\b",
    r"\bwish i (?:was|were|had) (?:never been born|dead|not born)\b",
    r"\b(?:no|any) (?:reason|point) (?:to|in) (?:live|living|go on|going on|being alive|carry(?:ing)? on)\b",
    r"\b(?:better off|be better) without me\b",
    r"\bwon'?t be (?:around|here) (?:much longer|anymore|for long|to see)\b",
    r"\b(?:not|won'?t) (?:be )?(?:around|here) (?:much longer|anymore) (?:to|for)\b",
    r"\b(?:can'?t|cannot) (?:go on|keep going|do this) (?:living|anymore|any more)\b",
    r"\b(?:swallow|take|took|taking) (?:all )?(?:my|the|these|those|a bunch of) (?:pills|tablets|meds)\b",
    r"\b(?:overdose|od'(?:d|ed)|od on)\b",
    r"\bjump (?:off|in front of) (?:a |the )?(?:bridge|roof|building|train|cliff)\b",
    r"\b(?:slit|cut) my wrists?\b",
    r"\b(?:hang|hanging|hanged) myself\b",
    r"\bsay(?:ing)? goodbye (?:to everyone|for good|forever|for the last time)\b",
    r"\bthis is (?:my|the) (?:last|final) (?:message|goodbye|text)\b",
    r"\bif i (?:die|were gone|was gone|disappeared)\b",
    r"\b(?:life|living) (?:isn'?t|is not|is no longer) worth (?:it|living)\b",
    r"\bnot worth living\b",
    r"\bdon'?t see the point (?:in|of) (?:anything|living|going on|life)\b",
    r"\b(?:everyone|you|they)(?:'d| would) be better off (?:if i|without me)\b",
    r"\bno way out\b",
    r"\b(?:plan|planning|wrote|written|write) (?:to end|a note|my note|a suicide|my goodbye)\b",
    r"\bi'?m (?:done|finished) with (?:life|living|everything)\b",
    r"\b(?:sleep|go to sleep) and (?:never|not) wake up\b",
    r"\bwhat'?s the point of (?:living|being alive|going on|me)\b",
    r"\bwant (?:it|everything|the pain) to (?:end|stop) forever\b",
    r"\bi'?ll (?:do it|end it)(?: tonight| now)?\b[^.?!]{0,20}\bif (?:you|u) (?:don'?t|leave|won'?t)\b",
    # indirect phrasings: ending it, not being here, plans and means, goodbyes
    r"\bend(?:ing)? (?:my (?:own )?life|it all)\b",
    r"\b(?:giv(?:e|ing)|gave|given) (?:away )?(?:all )?(?:of )?my (?:stuff|things|belongings|possessions)\b",
    r"\b(?:thinking|think|thought) (?:of|about) (?:jumping|ending it|dying|not being here|killing myself|not waking up)\b",
    r"\bgoodbye (?:everyone|all|world|forever|cruel world)\b",
    r"\b(?:bought|got|have|found) (?:a |the |some )?rope\b",
    r"\b(?:can'?t|cannot|don'?t) see (?:a|any) way out\b",
    r"\b(?:i'?m|i am|i'?ll|i will|gonna|going to|thinking (?:about|of)|if i|want to|wanna|better if i|just) (?:just )?(?:going to |gonna )?end(?:ing)? (?:it|mine|my life)\b(?! (?:with|between|for us))",
    r"\b(?:ending|end) it all\b",
    r"\b(?:isn'?t|not) worth living\b",
    r"\b(?:planning|plan|planned|decided|worked out) how (?:to|i'?ll|i will|i'?m going to) do it\b",
    r"\b(?:i'?m|i am) saying goodbye\b",
    r"\bi'?ve decided\b.{0,60}\bbye\b",
    r"\boverdos\w*\b",
    r"\b(?:see|find) (?:the|any|no) point (?:in|of) (?:carrying on|going on|living|anything|life|being)\b",
    r"\bwish i(?:'d| had)? never been born\b|\bundo myself\b",
    r"\breason (?:for me )?to (?:keep )?(?:living|live|go on|going)\b",
    r"\b(?:don'?t|do not|dont) (?:want|wanna) (?:to )?be around(?: anymore| any more)\b",
    r"\bhow many (?:pills|tablets)\b",
    r"\b(?:stockpil\w+|swallow\w*|overdos\w+|took|take|taking) (?:my |the |all |all my |a |these |those )?(?:everything|whole bottle|bottle|pills|tablets|sleeping pills|meds|medication|paracetamol|lot)\b",
    r"\b(?:pills|tablets) in front of me\b",
    r"\bmore (?:of )?(?:my |the )?(?:sleeping |pain ?|anxiety )?(?:pills|tablets|meds|medication|painkillers) than (?:i should|i'?m meant to|prescribed|the doctor|it says)",
    r"\b(?:double|triple|doubling|tripling) (?:up )?(?:on )?my (?:dose|pills|meds|medication)\b|\bmix(?:ing|ed)? (?:my )?(?:pills|meds|tablets|medication) with (?:alcohol|wine|vodka|drink)\b",
    r"\b(?:holding|sitting with|got|have|looking at) (?:a |the |my )?(?:knife|razor|blade|rope|gun)\b",
    r"\b(?:rope|gun) in my\b",
    r"\b(?:cutting|cut|burn(?:ing|ed)?|hurt(?:ing)?|harm(?:ing)?) (?:myself|my (?:arm|arms|wrist|wrists|hand|legs?|skin))\b",
    r"\bcutting again\b",
    r"\bon purpose\b[^.]{0,20}\b(?:again|tonight)\b|\bhurt myself on purpose\b",
    r"\bto feel something else\b",
    r"\b(?:won'?t|not going to|ain'?t gonna|wont) be (?:a problem|a burden|around|here|an issue|alive)\b",
    r"\bwon'?t have to (?:deal with|worry about|put up with|see|hear from) me\b",
    r"\b(?:a|just a) burden\b",
    r"\b(?:want|wanna|just want) (?:it all|everything|this|the pain|it) to (?:stop|end)\b(?![^.]{0,15}\b(?:raining|snowing))",
    r"\bmake the pain stop\b",
    r"\b(?:stop|not) (?:existing|exist)\b",
    r"\b(?:not|never) (?:be|being) (?:here|around|alive)\b(?! (?:when|on|at|for the|until|till|this|next|tomorrow))",
    r"\b(?:don'?t think|not sure) i'?ll (?:be here|make it|be around|survive)\b",
    r"\bmake it (?:through|past) (?:the night|this weekend|tonight|the week)\b",
    r"\b(?:driv\w+|walk\w*|step\w*|jump\w*|throw\w*) (?:into|in front of|off|from|under) (?:a |the |my )?(?:wall|sea|train|bus|bridge|roof|balcony|cliff|cliffs|building|traffic|river|lorry|truck)\b",
    r"\b(?:stand\w*|stood|sit\w*|sat|i'?m|been) on (?:the|a) (?:bridge|roof|ledge|platform|edge)\b",
    r"\b(?:train tracks|to the cliffs|on the ledge|tree to hit)\b",
    r"\bif i jump(?:ed)?\b|\bjumping i mean\b",
    r"\b(?:letters? to everyone|goodbye (?:note|letter)|suicide note|my will|my note)\b",
    r"\b(?:said|saying|say) goodbye to (?:my|everyone|you all)\b",
    r"\b(?:gave|given|giving) (?:away )?(?:my|away my) \w+[^.]{0,40}\b(?:won'?t need|to my)\b",
    r"\bwon'?t need (?:them|it|her|him)\b",
    r"\b(?:tired of|sick of|done with|no reasons? to (?:stay|be|keep)|reasons? to stay|bother staying|not one where i'?m) (?:being )?(?:alive|living)\b",
    r"\bsee myself (?:being )?alive\b",
    r"\b(?:as well|rather|better off|better) (?:be )?dead\b|\bbeing dead\b",
    r"\bwhen i'?m (?:dead|gone)\b|\bif i (?:was|were) dead\b|\bi (?:just )?died\b|\bi was dead\b",
    r"\b(?:ways|how) to die\b|\bdeserve to die\b|\b(?:about|of) (?:death|dying)\b|\bdying would\b",
    r"\b(?:my own|my) funeral\b|\bcome to (?:the|my) funeral\b",
    r"\b(?:top|topping|off|offing|unalive|unaliving) (?:myself|me)\b|\bunalive\b",
    r"\b(?:sleep|asleep) (?:forever|and (?:never|not) (?:come back|wake))\b",
    r"\b(?:don'?t|never) wake up\b|\btired of waking up\b",
    r"\bread(?:ing)? about me in the (?:news|paper)\b",
    r"\bsomething (?:stupid|i can'?t take back|drastic)\b",
    r"\b(?:it|none of this|nothing) (?:won'?t|will(?:n'?t)?) matter\b[^.]{0,20}\b(?:after|soon|to me|anymore)\b|\bafter that it won'?t matter\b|\bnone of this will matter\b",
    r"\b(?:better|happier|easier|simpler|free)\b[^.]{0,40}\bif i (?:wasn'?t|weren'?t|was not|just|disappeared|died|was gone|were gone)\b",
    r"\bif i (?:wasn'?t|weren'?t) (?:here|around)\b",
    r"\bbetter off (?:with|without) (?:a \w+ who isn'?t me|me|no)\b",
    r"\b(?:world|everyone)(?: is|'s| would be) better without\b",
    r"\bno me\b",
    r"\b(?:world|nobody|no one|everyone) (?:doesn'?t|does not|don'?t) need me\b|\bnobody needs me\b",
    r"\b(?:nobody|no one) (?:will|would) (?:miss|care|notice|come)\b",
    r"\bnotice i was (?:dead|gone)\b|\bremember me\b",
    r"\b(?:made my peace|this is it for me|i'?m going\.? don'?t)",
    r"\bdon'?t try to stop me\b",
    r"\b(?:done fighting|giving up on everything|give up on (?:life|living|everything))\b",
    r"\b(?:had enough of|done with|so done with) (?:living|life|being alive)\b",
    r"\bcan'?t (?:do life|live like this|keep going like this|go on like this)\b",
    r"\b(?:this life thing|my life'?s over|life is pointless|no point (?:anymore|to anything|in anything))\b",
    r"\bpoint of me (?:existing|being here|living)\b",
    r"\b(?:a )?way out of this\b|\bwant out,? like out\b",
    r"\btell my (?:mum|mom|dad|family|sister|brother|kids) (?:i'?m sorry|i love)\b",
    r"\blook after \w+ for me\b|\bif anything happens to me\b",
    r"\bwasn'?t your fault\b[^.]{0,10}$|\bnot your fault\b(?=.*\b(?:if|when) )",
    r"\bwould it hurt\b|\bhow easy it would be\b|\beasier than this\b",
    r"\bhope (?:a (?:bus|car|train|truck) hits me|i (?:just )?(?:don'?t|never) wake)\b",
    r"\b(?:i'?m|i am) (?:going to|gonna) (?:end it|do it|the cliffs|the bridge)\b",
    r"\bi'?m finishing it\b",
    r"\b(?:the )?(?:only|last) (?:thing|one|reason) (?:stopping|keeping) me\b",
    r"\b(?:reason|reasons) to (?:live|stay alive|keep living|keep going|stay)\b",
    r"\b(?:quietly )?disappear (?:for good|forever)\b|\bquietly disappear\b",
    r"\bnot in a good way\b[^.]{0,40}\bmyself\b",
    r"\bwaste of (?:space|air|oxygen)\b",
    r"\bbetter without (?:people like )?me\b",
    r"\blive with yourself when i'?m\b",
    r"\bwon'?t be (?:for long|long now)\b",
    r"\b(?:giving up on|give up on) (?:breathing|myself)\b",
    r"\bbefore i do something\b",
    r"\bnot (?:going to|gonna) be (?:around|here)\b",
]

# Figures of speech that look alike but are not about self-harm.
_NEGATIVE_PATTERNS = [
    r"\b(?:kill|killing) myself (?:laughing|with laughter)\b",
    r"\b(?:hurt|cut|burnt|burned) myself (?:shaving|cooking|chopping|by accident|on (?:a|the|some) (?:tin|can|knife|glass|paper|page|corner|table|door|lid|oven|stove|pan))\b",
    r"\bapparently (?:such )?a burden\b",
    r"\bend it all on a high\b",
    r"\b(?:want|wanna) to die (?:of|from) (?:embarrassment|shame|laughter|laughing|cringe)\b",
    r"\bcould (?:die|kill) for\b",
    r"\bno reason to live (?:in|near) \w+\b",
    r"\bsuicide squad\b",
    r"\bsuicide (?:doors|run|runs|sprints?|drills?)\b",
    r"\b(?:don'?t|do not) (?:want|wanna) to (?:be here|be alive|live) (?:when|if|without (?:coffee|wifi|heating))\b",
    r"\bmy (?:phone|battery|laptop|car) (?:wants|want) to die\b",
    r"\b(?:don'?t|do not|not|never) end (?:it|things|us|everything)\b",
    r"\bend (?:it|things) (?:with|between) \w+",
    r"\blet (?:the|our|a) \w+(?: about \w+)? end everything\b",
    r"\b(?:don'?t|do not) want to be here,? (?:this|the|at)\b",
    r"\bremember me to\b",
    r"\bthe funeral (?:was|is|went|on)\b",
]

# One alternation each: a single scan of the text.
_CRISIS = [compile_folded(_CRISIS_PATTERNS)]
_NEGATIVE = [compile_folded(_NEGATIVE_PATTERNS)]

CRISIS_HELP = (
    "You matter, and what you wrote sounds like you might be thinking about hurting yourself. "
    "Please talk to someone now: call your local emergency number if you might act on it; "
    "in the US call or text 988, in the UK and Ireland call Samaritans on 116 123, "
    "elsewhere findahelpline.com lists free, confidential lines. "
    "A friend or family member you trust can sit with you while you call."
)
CRISIS_SOURCE = "safety (not in the articles; responsible software must)"


def crisis_span(text: str) -> tuple[int, int] | None:
    """Span of the first crisis phrase, or None."""
    norm = fold(normalize(text))
    negatives = [m.span() for p in _NEGATIVE for m in p.finditer(norm)]
    best: tuple[int, int] | None = None
    for pattern in _CRISIS:
        for match in pattern.finditer(norm):
            start, end = match.span()
            if any(lo <= start < hi or lo < end <= hi for lo, hi in negatives):
                continue
            if best is None or start < best[0]:
                best = (start, end)
    return best


def detect_crisis(text: str) -> bool:
    """True when the text speaks of self-harm or suicide, directly or indirectly."""
    return crisis_span(text) is not None
