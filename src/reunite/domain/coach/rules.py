"""Transparent detection rules: what each draft label looks like, with exact spans.

Each rule is a regular expression for one label. A hit inside double quotes (reported
speech) or after a negation in the same clause ("I'm not asking you to come back") is
kept but marked, so detection can discount it. The learned model in `labels.py` sees
every hit as a feature and covers paraphrases the rules miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reunite.domain.coach.text import compile_folded, fold, normalize, quoted_ranges

LABELS: tuple[str, ...] = (
    "needy",
    "pressure",
    "hostile",
    "jealousy",
    "surveillance",
    "own_dating",
    "sexual",
    "breakup_talk",
    "reunion_push",
    "feelings",
    "apology",
    "invitation",
    "memory",
    "curiosity_hook",
    "checkin",
)

_Y = r"(?:you|u|ya|yu|yuo)"
_YR = r"(?:your|ur|you'?re|youre)"
_IM = r"(?:i'?m|im|i am)"
_IVE = r"(?:i'?ve|ive|i have)"
_PARTNER = (
    r"(?:boyfriend|girlfriend|bf|gf|man|woman|guy|girl|partner|fling|lover|bae|boo|"
    r"fianc[eé]e?|husband|wife|date|crush|rebound|boy|bloke|lady|person)"
)
_RELATIVE = (
    r"(?:brother|sister|sis|bro|mum|mom|mummy|mother|dad|father|papa|parents|friend|friends|"
    r"mate|mates|bestie|best mate|best friend|cousin|flatmate|roommate|housemate|colleague|"
    r"coworker|neighbou?r|aunt|aunty|auntie|uncle|nan|gran|grandma|family|boss)"
)
_SOCIAL = (
    r"(?:story|stories|insta|instagram|ig|facebook|fb|twitter|tweets?|tiktok|linkedin|snap|"
    r"snapchat|profile|status|posts?|pics?|photos?|pictures?|feed|spotify|strava|venmo|"
    r"location|last seen|whatsapp|socials|page|reels?|highlights?|check[- ]?in)"
)
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|today|the weekend|this weekend|next week|midnight|noon|\d{1,2}\s?(?:am|pm))"

# (label, pattern). Order inside a label does not matter; the earliest hit gives the span.
_RULES: dict[str, list[str]] = {
    "needy": [
        r"\bbeg+(?:ging)?\b",
        r"\bon my knees\b",
        r"\bcan'?t (?:live|go on|cope|function|breathe|do this|do anything|eat|sleep|think straight)\b",
        r"\b(?:i'?m |i am )?nothing without " + _Y,
        r"\bwithout " + _Y + r"\b[^.!?]{0,20}\b(?:lost|nothing|empty|mess|can'?t)",
        r"\bi (?:really |just |still |so )?need " + _Y + r"\b(?! to (?:stop|know|tell))",
        r"\bneed " + _Y + r" (?:back|so bad|so much|right now|here)",
        r"\b"
        + _IM
        + r" (?:such |a |so |an? |total |complete |absolute )*(?:mess|wreck|falling apart|desperate|broken|lost|lonely|miserable|not (?:ok|okay|coping|alright|fine))\b",
        r"\bfalling (?:apart|to bits|to pieces)\b",
        r"\b(?:cry|crying|cried|sobb?(?:ing|ed)?|in tears|tears)\b",
        r"\bdesperate(?:ly)?\b",
        r"\b(?:so |really )?(?:alone|lonely|empty) without\b",
        r"\bdon'?t (?:leave|abandon|give up on|throw away|disappear on|forget about) (?:me|us)\b",
        r"\b(?:pl[ea]+s[e]*|pls+|plz+|plis)\b[\s,.!]*(?:pl[ea]+s[e]*|pls+|plz+)\b",
        r"^\W*(?:pl[ea]+s+e+|pls+|plz+)\W*$",
        r"\bpleas(?:e{2,}|ee+)\b",
        r"\b(?:please|pls|plz)\b,? (?:just )?(?:answer|reply|respond|talk to me|say something|text me|call me|write back|come back|come home|pick up|message me|tell me|let me|don'?t|give me|i need)",
        r"\b(?:just )?(?:one|a single) (?:more )?(?:msg|message|text|word|reply|call|minute|chance)\b",
        r"\bi'?ll do anything\b",
        r"\b(?:anything|whatever) (?:it takes|you want)\b",
        r"\bi'?ll (?:change|be better|do better|be different)\b",
        r"\b(?:my )?(?:heart is|heart'?s) (?:broken|breaking|shattered)\b",
        r"\bheartbroken\b",
        r"\bdying inside\b",
        r"\b(?:i'?m |i am )?(?:drowning|struggling so|so lost|lost without)\b",
        r"\bhoping (?:it'?s|it was) (?:you|u)\b",
        r"\bcan'?t stop (?:thinking about|crying|checking)\b",
        r"\bcan'?t (?:do|handle|take) (?:this|it) (?:anymore|without)\b",
        r"\byou(?:'re| are| were) (?:my (?:everything|whole (?:world|life)|only)|all i have|the only one)\b",
        r"\bi have no ?one\b",
        r"\bi don'?t know (?:who i am|how to (?:be|live|do)|what to do) without\b",
        r"\bmiss(?:ing)? (?:you|u) so (?:much|bad) it (?:hurts|physically)\b",
        r"\bjust (?:let me hear|tell me (?:you|there'?s|it'?ll))\b",
        r"\bi'?ll wait (?:forever|for you)\b",
    ],
    "pressure": [
        r"\b(?:\d+|24|48|one|two) hours?\b(?=[^.]{0,30}\b(?:to|since|already|now|reply|answer|tell|decide)\b)|\bi'?d like a response\b",
        r"\b(?:been )?waiting all (?:day|night|week)\b|\bstop avoiding\b|\b(?:you|u) there\?|\bwhy is it so hard\b",
        r"\bnot asking again\b|\bnot optional\b|\btaking that as a no\b|\bdeleting your number\b|\blast chance\b",
        r"\bpick up (?:the|your) phone\b|\bcalling again\b|\buntil you show up\b|\bgiving you (?:till|until|one|\d+|a week|a day)\b",
        r"\b(?:if|unless) i don'?t hear (?:from you|back)\b",
        r"\bwhy (?:are|r|aren'?t|arent) (?:you|u) (?:ignoring|ghosting|not (?:answering|replying|responding|talking))",
        r"\bwhy (?:won'?t|don'?t|didn'?t|haven'?t|can'?t|wont|dont|didnt|havent) (?:you|u) (?:answer|reply|respond|text|call|pick up|talk|get back)",
        r"\bstop (?:ignoring|ghosting|avoiding) me\b",
        r"\b(?:answer|reply to|respond to|call) me\b(?! (?:when|whenever|if))",
        r"\b(?:answer|reply|respond|text back|call me)(?: me)? (?:now|already|asap|right now|today|tonight)\b",
        r"\b(?:you )?owe me (?:an? )?(?:answer|explanation|reply|call|conversation|that)\b",
        r"\bi (?:need|want|deserve|demand) (?:an? )?(?:answer|explanation|reply|response|decision)\b",
        r"\b(?:by|before|until) " + _DAYS + r"\b[^.?!]{0,40}\b(?:or|otherwise)\b",
        r"\b(?:answer|reply|decide|tell me|let me know)\b[^.?!]{0,30}\b(?:by|before) "
        + _DAYS
        + r"\b",
        r"\bor (?:else|i'?m done|i'?ll (?:come|show up|turn up|tell|post|move on|block|find))\b",
        r"\b(?:it'?s |this is )?(?:your|ur) last chance\b",
        r"\bnow or never\b",
        r"\b(?:left|leaving|leave) me on (?:read|delivered|seen)\b",
        r"\b(?:you|u) (?:never|don'?t|didn'?t|won'?t|haven'?t|still haven'?t) (?:answer|reply|respond|text back|call back|get back)",
        r"\b"
        + _IVE
        + r" (?:texted|called|messaged|rung|rang|tried) (?:you )?(?:\d+|like \d+|ten|twenty|so many|five|three|four) times\b",
        r"\bthe least (?:you|u) (?:can|could) do\b",
        r"\bmake up your mind\b",
        r"\b(?:yes or no|it'?s a simple question|simple yes or no)\b",
        r"\bi (?:can|could) see (?:you'?re|that you'?re|you are|you were) (?:online|typing)\b",
        r"\bhello\?{2,}|\?{3,}",
        r"\bwhy (?:the silence|so quiet|so silent)\b",
        r"\b(?:silent treatment|ghosting me)\b",
        r"\bwe need to talk\b",
        r"\byou have to (?:answer|reply|decide|talk|tell|meet|call|give)\b",
        r"\b(?:i'?m|i am) (?:waiting|still waiting) for (?:an? )?(?:answer|reply|response)\b",
    ],
    "hostile": [
        r"\b(?:real|so|very|how) (?:mature|classy|adult|grown[- ]up|brave|kind of you)\b",
        r"\b(?:nice|good|lovely|kind|big) of you to\b|\bcheers for nothing\b|\bthanks a lot\b(?!\s+for (?:the|your|coming|having|helping))",
        r"\bwell done\b(?! (?:on|with|for|today)\b)|\bimpressive\b(?=[.!]?\s*$)|\bbravo\b|\bslow clap\b",
        r"\bgood luck with that\b|\bhave fun with that\b|\benjoy (?:it|that) while it lasts\b",
        r"\b(?:your|ur) loss\b|\btrue colou?rs\b|\bspare me\b|\bno wonder (?:you|your|ur|nobody|no one)\b",
        r"\bi pity\b|\bpity (?:you|whoever|the next)\b|\bwhoever ends up with you\b",
        r"\bi hope you (?:feel|get|suffer|hurt|regret|end up)\b|\bhope you'?re happy now\b",
        r"\b(?:you|u) did this\b|\bthis is on you\b|\bblame yourself\b",
        r"\b(?:only|just) your feelings matter\b|\bsuch an inconvenience\b|\bsorry (?:that )?my feelings\b",
        r"\b(?:ur|you'?re|you are) (?:so |completely |totally )?(?:useless|worthless|a waste|a disappointment|a let ?down|the worst|unbearable|cold|vile|evil)\b",
        r"\b(?:rubbish|nonsense|bs|bullshit|crap)\b(?=[^.]{0,20}\b(?:you|your|ur)\b)|\b(?:your|ur) (?:rubbish|nonsense|bs|bullshit|crap|excuses|lies)\b",
        r"\bshow(?:n|ed)? your true\b|\bdeserve(?:d)? (?:everything|all) (?:you get|that'?s coming)\b",
        r"\bthe reason i have trust issues\b|\byou'?re the reason\b",
        r"\bfunny how you\b|\bfunny that you\b|\bconvenient(?:ly)?\b",
        r"\bgo (?:and )?\"?find yourself\"?\b|\bwhatever makes you (?:happy|sleep)\b",
        r"\bsays (?:it all|everything about you)\b|\bthat was quick\b|\byou'?ll need it\b",
        r"\bthanks for (?:the lesson|nothing|the silence|teaching me|wasting|ruining|the reply after)\b",
        r"\byou'?ll be sorry\b|\blive with yourself\b|\bhave the guts\b",
        r"\bif you'?d (?:actually |ever )?(?:listened|cared|tried|bothered)\b|\byou never (?:loved|cared about|listened to) me\b",
        r"\b(?:the )?worst thing that ever\b|\bperfect new life\b|\bbusy schedule of\b",
        r"\bapparently\b[^.]{0,30}\b(?:burden|crazy|too much|the problem|not good enough)\b",
        r"\bnice to (?:see you'?re|finally be)\b|\byour stupid\b|\bburned (?:the rest of )?your\b",
        r"\bgave you\b[^.]{0,30}\band you gave me\b|\bhow badly you treated\b",
        r"\bsorry (?:for existing|not sorry|i'?m not (?:as|perfect|good|fun)|i wasn'?t (?:perfect|good) enough|i forgot (?:you'?re|you are|you were)|i had feelings|you feel like)\b",
        r"\b(?:grow up|so mature|very mature|very adult|how dare|your majesty|sweetheart\b(?=\W*$))",
        r"\btypical (?:you|[A-Z][a-z]+)\b",
        r"\b(?:play(?:ing)?|act(?:ing)? like) the victim\b",
        r"\b(?:liar|coward|narcissist|hypocrite|brat|immature|childish|pathetic|disgusting|selfish|psycho|loser|idiot|jerk|arrogant|spineless|heartless)\b",
        r"\bterrible person\b|\bdead to me\b|\bgood riddance\b|\bfull of yourself\b|\bsee if i care\b",
        r"\bhope (?:you|she|he|they) (?:choke|rot|dumps? you|cheats? on you|leaves? you|suffer)",
        r"\bmust be nice\b|\bcool cool\b|\b(?:you(?:'re| are)|ur) (?:honestly |just )?unbelievable\b|^\W*you are unbelievable|\bnovel concept\b|\bdiscount version\b|\btruly honou?red\b|\blaughable\b",
        r"\bwaste of (?:time|space|my)\b|\bwasted (?:my|\w+ years|years|time)\b",
        r"\byou'?ll never find\b|\bi'?ll make sure\b|\bi should tell everyone\b",
        r"\benjoy (?:being alone|your (?:freedom|rebound|little|new|empty)|the rebound)\b",
        r"\bcongrats on (?:being|the upgrade|finally)\b",
        r"\b(?:the )?thanks i get\b|\bhow you repay\b|\byou(?:'re| are) welcome\b",
        r"\b(?:your|ur) fault\b",
        r"\byou were never (?:good enough|worth)\b",
        r"\bat least my (?:new )?\w+ (?:actually|doesn'?t|listens|texts)",
        r"\bsomething you never\b|\bhow (?:do )?you sleep at night\b",
        r"\b(?:just )?admit it\b|\bdon'?t pretend\b|\bwho are you kidding\b|\bof course you are\b",
        r"\bclassic (?:you|\w+)\b(?<!classic me)",
        r"\byou never once\b|\bdon'?t (?:u|you) dare\b|\bdon'?t come crying\b",
        r"\byou (?:made|make) me (?:feel like nothing|like this|miserable|crazy)\b",
        r"\b(?:the way|how) you treated me\b",
        r"\bhope (?:your|ur) (?:new )?\"?\w+\"? is worth it\b|\bhope it was worth it\b",
        r"\bwhat kind of person\b",
        r"\bkeep lying\b|\bthat'?s what you'?re good at\b|\bit'?s what you'?re good at\b",
        r"\b(?:i'?ll|i will) remember this\b",
        r"\bso (?:now )?you'?re too busy\b",
        r"\b(?:you(?:'re| are| r)|ur|youre) (?:such )?(?:an? )?(?:\w+ )?(?:idiot|stupid|selfish|pathetic|liar|cheat(?:er)?|bitch|asshole|arsehole|jerk|loser|psycho|crazy|narcissist|heartless|coward|joke|disgrace|disgusting|fake|manipulative|toxic|cold|cruel|monster|child|embarrassing|user|snake|clown|waste)\b",
        r"\b(?:fuck|f\*+k|screw|sod) (?:you|u|off|this|that)\b",
        r"\bgo to hell\b",
        r"\bhope (?:you'?re|you are|ur) (?:miserable|proud of yourself|satisfied)\b",
        r"\bafter (?:everything|all) (?:i|i'?ve) (?:did|done|have done|gave|sacrificed)\b",
        r"\b(?:you|u) (?:ruined|wasted|destroyed|broke|used|betrayed|lied)\b",
        r"\b(?:it'?s|it is|this is|was) (?:all )?(?:your|ur) fault\b",
        r"\bthanks for nothing\b",
        r"\bsorry (?:that )?(?:you|u) feel (?:that way|like that)\b",
        r"\byou'?ll regret\b",
        r"\bkarma\b",
        r"\bi'?ll (?:tell everyone|make you (?:pay|regret|sorry)|show everyone|post (?:it|them|the (?:pics|photos|screenshots)) (?:online|everywhere|on))\b",
        r"\bgood luck finding\b",
        r"\bhope (?:he|she|they)(?:'s| is| was| were) worth it\b",
        r"\b(?:you|u) (?:always|never) (?:did|do|had|cared|listened|thought|made|were)\b",
        r"\bhow (?:could|dare) (?:you|u)\b",
        r"\bshame on (?:you|u)\b",
        r"\bclassy\b",
        r"\bwhatever\b[.!]*\s*$",
        r"\bdon'?t flatter yourself\b",
        r"\bno one (?:else )?(?:will|would) (?:ever )?(?:want|love|put up with) (?:you|u)\b",
        r"\b(?:you|u) (?:deserve|got what you deserve)\b(?!d)(?= (?:nothing|it|this|to be|better than))",
        r"\bi hate (?:you|u)\b",
        r"\b(?:bet|hope) (?:you'?re|you are) (?:happy|proud) now\b",
        r"\bwell done(?:,)? (?:you|u)\b",
        r"\bsome of us (?:actually )?(?:tried|cared)\b",
        r"\brot in\b",
    ],
    "jealousy": [
        r"\b(?:with|like|marry|bring|take|took|in love with|serious with|living with|moved in with) (?:him|her)\b",
        r"\bwhat'?s (?:he|she) like\b|\blucky (?:guy|lady|man|girl|fella|bloke)\b|\b(?:he|she) (?:better be|seems|must be|can'?t)\b",
        r"\byou two\b|\bnew (?:fella|bloke|squeeze|flame|man|woman|girl|guy|boyfriend|girlfriend)\b|\b(?:that|the|some) (?:guy|girl|bloke|lad|woman|man|footballer) (?:from|at|in|called|you)\b",
        r"\bsome (?:guy|girl|bloke|lad|woman|man|footballer)\b|\bsituationship\b|\bsomeone new\b|\bcouple (?:photos|pics|selfies)\b",
        r"\bget with someone\b|\basking you out\b|\b(?:exclusive|single)\b|\bsomething going on\b|\bwho sent (?:them|those|you|it)\b|\bwho was (?:laughing|that|with you)\b|\byour type\b",
        r"\bhope (?:she|he) (?:knows|likes|makes|treats|is)\b",
        r"\bengaged\b",
        r"\bdating profile\b|\bon (?:hinge|tinder|bumble)\b",
        r"\bwho(?:'s| is|s| was| were) (?:the|that|this|ur|your|some) (?:new )?(?:guy|girl|man|woman|dude|bloke|chick|lad|person|boy)\b",
        r"\b(?:your|ur|the) new (?:boyfriend|girlfriend|bf|gf|man|woman|partner|fling|lover|bae|boo|guy|girl|squeeze|flame|beau|boy|bloke)\b",
        r"\b(?:are|r) (?:you|u) (?:seeing|dating|with|sleeping with|talking to|single|exclusive|together|a thing|on the apps)\b",
        r"\b(?:is|does|did|has|was) (?:he|she) (?:your|the|treat|make|know|meet|met|better|prettier|hotter|nicer|worth|the reason|love)\b",
        r"\b(?:does|did|do) (?:he|she|they) (?:treat|make) (?:you|u)\b",
        r"\b(?:moved on|replaced me)\b",
        r"\brebound\b",
        r"\bsomeone else\b",
        r"\b(?:you(?:'re| are)?|u|you been|you'?ve been|ur) (?:\w+ )?(?:dating|seeing) (?:again|anyone|someone|somebody|other people|him|her)\b",
        r"\b(?:with|about|love|loves) (?:him|her)\b[^.!?]{0,15}(?:\?|now)",
        r"\b(?:him|her) (?:now|already)\b",
        r"\bwhat does (?:he|she) have\b",
        r"\bis there (?:anyone|someone|somebody)\b",
        r"\bwho (?:were|are) (?:you|u) with\b",
        r"\bhow did (?:you|u) meet (?:him|her)\b",
        r"\bthe upgrade\b",
        r"\blover ?boy\b",
        r"\b(?:he|she)(?:'s| is) (?:not even|nothing|boring|ugly|a downgrade)\b",
        r"\bmet someone\b",
        r"\bdoes (?:she|he) know about me\b",
        r"\b(?:you|u) (?:and|&) \w+ (?:a thing|together|dating|official)\b",
        r"\b(?:so )?(?:that'?s|it'?s) official\b",
        r"\bgot engaged\b",
        # Asking about or remarking on their dating life, in short forms (22 Nov, late).
        r"(?:^|[.!?]\s*)(?:so )?(?:you|u|ya) (?:seeing|dating|with|talking to) (?:someone|somebody|sum1|some1|anyone|any1|anybody)\b",
        r"\b(?:you|u|ya)(?:'ve| have)? got (?:a |an )?(?:new )?(?:gf|bf|girlfriend|boyfriend|man|woman|partner|fella|bloke|missus)\b",
        r"\b(?:you|u)(?:'ve| have)?(?: been| gone)? on (?:any |a |many )?dates?\b|\bbeen on any dates\b",
        r"\b(?:you'?re|you are|ur|u r|u'?re) (?:\w+ )?(?:with|dating|seeing) (?!(?:me|us|them|friends|family|your)\b)\w+ now\b",
        r"\b(?:you|u) (?:and|&) (?:him|her|your (?:new )?(?:man|woman|boyfriend|girlfriend|bf|gf))\b",
        r"\b(?:your|ur) (?:\w+ )?(?:boyfriend|girlfriend|bf|gf)\b",
        r"\bsomeone else (?:gets|got|get) to\b",
        r"\b(?:you|u) with (?:someone|somebody|him|her|another (?:guy|girl|man|woman))\b|\b(?:you'?re|you are|ur|u r) with (?:someone|somebody|anyone)\b",
        r"\bback with (?:your|ur) ex\b|\b(?:bringing|bring|got|have|has) a plus[- ]one\b|\b(?:he|she)(?:'s| is) the one\b",
        r"\b(?:is|does) (?:she|he) (?:living|live|stay|staying|sleeping) (?:there |over )?with (?:you|u)\b|\bwhat(?:'s| has) (?:he|she) got that\b",
        r"\bhow long have (?:you|u) (?:and \w+ )?been (?:together|dating|seeing)\b|\bmet (?:anyone|anybody|someone) (?:nice|special|new)\b",
        r"\bhow'?s the (?:new )?(?:boyfriend|girlfriend|bf|gf|man|fella|missus|bloke|wife|husband)\b|\bnew (?:boo|bae|missus)\b|\bwhy (?:him|her)\b(?! (?:of all|for))",
    ],
    "surveillance": [
        r"\bi (?:can )?see (?:you|that you)(?:'ve|'re| have| are| changed| got| posted| went| were)\b",
        r"\b(?:i )?(?:saw|seen|noticed|spotted|recogni[sz]ed|clocked) (?:you|u|ur|your|that you|you'?re)\b(?! (?:soon|later|then|around|tomorrow|there|next|again|at the (?:weekend|coffee)))",
        r"\b(?:i )?(?:saw|seen|noticed|watched|checked|looked at|liked|stalked|stalking|checking|watching|looking at|been on) (?:\w+ )?(?:your|ur|ya) (?:\w+ )?"
        + _SOCIAL
        + r"\b",
        r"\b(?:saw|seen|noticed) (?:it )?on (?:your|ur|the) ?" + _SOCIAL + r"\b",
        r"\b(?:saw|seen) (?:on|via) (?:insta|instagram|fb|facebook|twitter|tiktok|strava|linkedin|snap|hinge|tinder|bumble)\b",
        r"\b(?:your|ur) " + _SOCIAL + r"(?: says| said| shows)\b",
        r"\b(?:you|u) (?:were|was|are) (?:online|active)\b",
        r"\blast seen\b",
        r"\b(?:your|ur|ya|his|her|their) "
        + _RELATIVE
        + r"(?:'s \w+)? (?:said|told|mentioned|says|posted|tells)\b",
        r"\b(?:heard|found out) (?:from|through|via) \w+",
        r"\b[A-Z][a-z]+(?: aunty| auntie)? (?:said|told|mentioned)(?: me| mummy| mum| mom)? (?:that )?(?:you|u|ur|your)\b",
        r"\b(?:drove|walked|went|cycled|been|going) (?:past|by|down|round) (?:your|ur|yours)\b",
        r"\boutside (?:your|ur) (?:house|place|flat|work|office|building|door)\b",
        r"\b(?:find my|snap ?map|location)\b",
        r"\bi (?:heard|hear) (?:that )?(?:you|u)(?:'ve|'re|'d| have| are| got| were| had| moved| started| left)\b",
        r"\bsomeone (?:told|said) (?:me )?(?:that )?(?:you|u)\b",
        r"\bi know (?:you|u) (?:were|went|was|have been|'ve been)\b",
        r"\b(?:googled|looked up) (?:you|u|your|ur)\b",
        r"\bfake account\b",
        r"\b(?:you|u) (?:liked|commented on|followed|unfollowed|posted)\b",
        r"\bcomments? on everything (?:you|u)\b",
        r"\bi (?:keep|kept) (?:seeing|checking|looking)\b",
    ],
    "own_dating": [
        r"\b(?:i'?ve|i have|i) got a (?:new )?(?:boyfriend|girlfriend|partner|bf|gf|fianc[eé]e?)\b",
        r"\b(?:i'?m|im|i am) (?:now )?(?:with someone|in a relationship|engaged|married)\b|\bi got (?:engaged|married)\b",
        r"\bsomeone special\b|\bswip(?:e|ed|ing)\b|\ba match on\b|\b(?:drinks|dinner|coffee) with a (?:guy|girl|woman|man|lad|bloke)\b",
        r"\b(?:i'?m |im |am )?on a date\b",
        r"\bseeing a (?:\w+ )?(?:woman|man|guy|girl|lad|bloke|nurse|teacher|doctor|lawyer)\b",
        r"\b(?:i'?m|i am) moving in with (?!my (?:mum|mom|dad|parents|sister|brother|friend|nan|gran|mate|cousin))\w+",
        r"\bi (?:might have |may have |just )?kissed (?:my|a|this|someone|somebody)\b",
        r"\b(?:i'?m|im) (?:kind of |kinda |sort of )?with [a-z]+ now\b|\bflings?\b",
        r"\btook (?:a|this) (?:girl|guy|woman|man|lad|bloke)\b",
        r"\b(?:i'?ve|i have|i) (?:met|been meeting) (?:someone|somebody|a (?:guy|girl|man|woman))\b",
        r"\b(?:guy|girl|man|woman|someone|person) (?:i met )?(?:from|on) (?:tinder|hinge|bumble|the apps|an app|a dating app)\b",
        r"\bmy (?:tinder|hinge|bumble|first|second|last|latest) date\b|\b(?:a|the) (?:second|third|blind) date\b",
        r"\bi(?:'m| am) dating\b|\bi(?:'ve| have) been dating\b|\bstarted seeing (?:someone|a|this)\b|\bgoing out with (?:someone|a|this)\b",
        r"\bmy (?:new )?(?:boyfriend|girlfriend|bf|gf|partner|fella|man|girl)\b(?!'s)",
        r"\b(?:went|been|gone|go|going) (?:out )?on (?:a |another |some |a few |a couple of |like \w+ |\w+ )?(?:second |first |blind |tinder |hinge |bad |good )?dates?\b",
        r"\b(?:had|got back from|back from|just had) (?:a |another |my |\w+ )?(?:second |first |blind |tinder |bad |good )?dates?\b(?! night)",
        r"\b(?:tried|started|trying|been) dating\b|\bdating (?:again|apps?|after you)\b",
        r"\b(?:been )?on the apps\b",
        r"\basked me out\b|\bset me up\b|\bfound me a match\b",
        r"\b(?:guy|girl|man|woman|person|lad|bloke) (?:i'?m|im|i am|i'?ve been|ive been) (?:seeing|dating|talking to)\b",
        r"\b(?:kinda|sort of|kind of) seeing someone\b",
        r"\bi (?:kissed|snogged|pulled|hooked up with|slept with) (?:someone|somebody|a (?:guy|girl)|this)\b",
        r"\bhooked up with someone\b",
        r"\bmet a (?:really )?(?:sweet|nice|cute|lovely|great|hot) (?:guy|girl|man|woman|lad)\b",
        r"\bbringing (?:someone|a date|a plus one)\b",
        r"\b[A-Z][a-z]+ and i are (?:official|together|dating|a thing)\b",
        r"\b(?:be|being) with someone who\b",
        r"\b(?:i|i've|i have|ive) (?:went|been|gone|go) (?:on|out on) (?:a |some |few |a few |two |three |\d+ )?(?:dates?|tinder dates?)\b",
        r"\b(?:i'?ve|i have|ive|i'?m|im|i am|i was|been) (?:been )?(?:seeing|dating|talking to|sleeping with|hooking up with) (?:someone|somebody|a (?:guy|girl|man|woman|few)|this (?:guy|girl|man|woman)|people|other people|a couple)\b",
        r"\bmy (?:date|new (?:boyfriend|girlfriend|bf|gf|partner|man|woman|fling)|boyfriend|girlfriend|bf|gf)\b",
        r"\bmatched with\b",
        r"\b(?:i'?m|im|i am|i'?ve been|i got|just got) (?:back )?on (?:tinder|hinge|bumble|the apps|dating apps)\b",
        r"\bi (?:hooked up|slept|made out|kissed|got off) with\b",
        r"\b(?:this|a) (?:guy|girl|man|woman|person) (?:i'?m|im|i am|i was|i've been) (?:seeing|dating|talking to)\b",
        r"\bi went out with (?:a|this|some) (?:guy|girl|man|woman|lad|bloke)\b",
        r"\b(?:a|my) (?:date|tinder date|hinge date) (?:last|on|took|with)\b",
        r"\bi'?ve (?:met|started seeing) someone\b",
    ],
    "sexual": [
        r"\bwear (?:it|that|them|the \w+) (?:for me|again for me)\b|\b(?:so|really|very) hot\b(?! (?:today|outside|in here|out|weather))|\bhottest\b",
        r"\blead(?:s)? to (?:more|something more)\b|\byour move\b|\bcandles\b|\bhandle me\b|\bleave the bed(?:room)?\b",
        r"\b(?:kinky|dirty (?:thoughts|dreams|mind)|make out|making out|spend the night|stay the night|strip|nsfw|sext(?:ing)?|fwb|booty)\b",
        r"\bmiss (?:your (?:touch|lips|kisses|hands|skin|smell on me)|waking up next to you|sleeping next to you|having you in my bed|your body)\b",
        r"[🥵💋👙🛏]",
        r"\b(?:need|want|crave|craving) you (?:tonight|now|so bad|badly|in bed)\b",
        r"\bthinking about you (?:in|naked|without)\b|\bin (?:my|your) bed\b|\bour (?:nights|night) together\b",
        r"\b(?:come|get) over here\b|\bwhat (?:i'?d|i would) do to you\b|\bon top of\b",
        r"[😏😈🔥🍒👅]",
        r"\byou up\?|\bu up\?|\bwyd\b",
        r"\bcome (?:over|thru|through|round)\b[^.?!]{0,20}(?:tonight|no strings|\?|😉|just)",
        r"\bno strings\b|\bjust for fun\b|\bfriends with\b",
        r"\b(?:bedroom|hotel room|my bed|your bed|in bed|come to bed|in the (?:shower|bath) thinking)\b",
        r"\b(?:hot|hottest|sexy|fit|unreal|good enough to eat)\b(?=[^.]{0,30}\b(?:you|in that|ive been with))",
        r"\b(?:without|no|rip your|off your) clothes\b|\bclothes off\b|\band nothing else\b",
        r"\b(?:lace|bikini|swim shorts|handcuffs|massage|lingerie|silk)\b",
        r"\bfrisky\b|\bnaughty\b|\bsend (?:me )?a pic\b|\balone tonight\b|\bhome alone\b",
        r"\bsleep together\b|\bslept together\b|\bthe things i (?:would|could|want to) do\b|\bwhat you'?d do\b",
        r"\bkiss(?:es)? (?:me|like you)\b|\btouched like\b|\btongue\b|\byour neck\b",
        r"\bvivid dream\b|\bour first time\b|\bthat thing you like\b|\bin that department\b|\bthe thing you like\b",
        r"\bwant you\b(?! to| back)",
        r"\bturn(?:ed|s)? on\b|\bget a room\b|\blate night visit\b",
        r"\b(?:your|ur) (?:body|lips|touch|skin|ass|bum|boobs|tits|dick|hands on me|naked)\b",
        r"\bin bed\b",
        r"\bsex(?:y|ual|ting)?\b",
        r"\bnaked\b",
        r"\bnudes?\b",
        r"\bhorny\b",
        r"\bturn(?:s|ed)? me on\b",
        r"\bmake love\b",
        r"\bsleep with (?:you|u|me)\b",
        r"\bhook(?:ing)? ?up\b(?! with)",
        r"\bwhat (?:are )?(?:you|u)(?:'re)? wearing\b",
        r"\blingerie\b",
        r"[🍆🍑💦]",
        r"\bnetflix and chill\b",
        r"\bbooty call\b",
        r"\b(?:one more|one last) night\b",
        r"\bwant (?:you|u) (?:so bad|tonight|right now|in my bed)\b",
        r"\b(?:kiss|touch|taste|feel) (?:you|u) (?:all over|again)\b",
        r"\bfriends with benefits\b",
        r"\bcome (?:over|round) (?:tonight|later) (?:and|for)\b",
        r"\bshower together\b",
        r"\bnaughty\b",
    ],
    "breakup_talk": [
        r"\b(?:how|why|the way) (?:i|you|we|things|it) (?:ended(?: things| it)?|left|handled (?:the end|it|things))\b",
        r"\b(?:things|it) ended badly\b|\bended badly\b|\bthe way things ended\b|\bwent wrong\b|\bat the end\b",
        r"\b(?:during|after|in the middle of|before) the (?:fight|argument|row|breakup)\b|\b(?:about|over|since|for|thinking about|think about) (?:the|our|that) fight\b|\b(?:for|about|since|from|sorry for) that night\b",
        r"\b(?:since|after|before) we (?:split|broke up|ended)\b",
        r"\b(?:what|the thing that|the stuff that|it was the \w+ that) (?:killed|broke|ended) us\b|\bbroke us(?: up)?\b|\bwhat happened between us\b",
        r"\byou (?:said|told me) (?:i|that i)(?:'d| was| never| always| made| didn'?t| felt)\b|\bwhen you said you felt\b",
        r"\b(?:walked|walking) out\b|\bwhy (?:you|we|it) (?:really )?(?:ended|left|broke)\b|\bwhy it ended\b",
        r"\bstill be together\b|\bit'?s over\b|\bthe (?:jealousy|religion|moving|money|distance|drinking|cheating) thing\b",
        r"\b(?:what|everything) i did wrong\b|\bhow i acted\b|\bwhat (?:i|you) said (?:at the end|that night|during)\b",
        r"\b(?:about |what )happened (?:that|last|on|between us|with us|at)\b",
        r"\bwhy (?:did )?(?:you|u|we) (?:leave|left|break up|broke up|end(?:ed)? (?:it|things|us)|dump(?:ed)?|gave up|give up|split)\b",
        r"\b(?:the|our|that) (?:breakup|break up|break-up|split)\b(?! of)",
        r"\b(?:the|our|that) (?:fight|argument|row) (?:at|in|we|about|that|on|before)\b",
        r"\bwhen (?:you|we|u|i) (?:broke up|split|ended (?:it|things)|dumped|left)\b",
        r"\b(?:you|u|i) (?:broke up with (?:me|you|u)|ended (?:it|things|us)|dumped (?:me|you|u)|left (?:me|you|u|us))\b",
        r"\bit wasn'?t (?:all )?(?:my|your) fault\b",
        r"\b(?:closure|what went wrong|where we went wrong|why we ended|why it ended|why it fell apart|it fell apart)\b",
        r"\bgave up on us\b",
        r"\b(?:talk|talking) about (?:us|what happened|the breakup|how it ended|the end)\b",
        r"\b(?:reason|reasons) (?:you|we|it) (?:left|ended|broke|fell)\b",
        r"\bhow (?:i|you|we) ended (?:it|things)\b",
        r"\bbefore we broke up\b",
        r"\bwe (?:broke up|split up|ended)\b",
    ],
    "reunion_push": [
        r"\b(?:another|a second|one more|one last) (?:chance|shot|go)\b",
        r"\b(?:be|being) (?:us|a family|a thing|together) again\b|\bwith you again\b|\b(?:date|dating) (?:me )?again\b",
        r"\b(?:your|my|ur) (?:gf|bf|girlfriend|boyfriend|girl|boy) again\b",
        r"\bmake (?:it|this|us) work\b|\bfuture (?:with you|together)\b|\bwant a future\b",
        r"\b(?:spend|build|share) (?:my|a|our) life (?:with you|together)\b|\bgrow old (?:with you|together)\b",
        r"\b(?:marry (?:you|me)|get married|fresh start|new start)\b|\bfind our way back\b",
        r"\b(?:don'?t|not ready to|didn'?t|never|not) give up on us\b",
        r"\b(?:live|move|moved|moving) (?:in )?together again\b|\bsettle down\b[^.]{0,10}\bwith you\b|\brebuild (?:what we had|us|this)\b",
        r"\bwe'?d be different\b|\bwith you like we planned\b|\bi still want (?:that|to do it), with you\b|\blet'?s still do it\b|\bas us\b",
        r"\bback to how (?:it|things|we) (?:was|were)\b|\blook(?:ing)? at (?:rings|flats for us)\b",
        r"\b(?:get|getting|got|be|being) back together\b",
        r"\b(?:give|gave|giving) (?:us|it|this|me|things|our relationship) (?:another|one more|a second|one last|a) (?:chance|try|go|shot)\b",
        r"\b(?:another|second|one more) (?:chance|try|go) (?:for us|at us|together)\b",
        r"\b(?:come|coming) (?:back|home)(?= to me| home|\W*$|[.!,]| please| pls)",
        r"\btake me back\b",
        r"\b(?:start|starting) (?:over|again|fresh|afresh)\b",
        r"\b(?:try|trying|tried) (?:again|us again|it again)\b",
        r"\b(?:we|us) (?:belong|are meant to be|were meant to be)\b",
        r"\bmarry me\b",
        r"\bmove back in\b",
        r"\bour future\b",
        r"\bwork (?:things|this|it|us) out\b",
        r"\bfix (?:this|us|things|what we had)\b",
        r"\bwant (?:you|u|us) back\b",
        r"\bback (?:in|into) my life\b",
        r"\b(?:be|being) (?:a couple|together|mine|my (?:girl|boy|girlfriend|boyfriend)) again\b",
        r"\brekindle\b",
        r"\brestart (?:us|things|what we had)\b",
        r"\bone more (?:chance|go|try)\b",
    ],
    "feelings": [
        r"\b(?:i )?(?:still |really |truly |do )?(?:love|luv|lov) (?:you|u|ya)\b",
        r"\bily\b",
        r"\b(?:i )?(?:still |really |so )?miss(?:ing)? (?:you|u|ya|us|your \w+|hearing|talking to you|seeing you|you guys|everything about)\b",
        r"\b(?:not|never|n't|nt) (?:been |gotten |got |really )?over (?:you|u|us|it)\b",
        r"\b(?:still )?have (?:feelings|strong feelings) for\b",
        r"\bfeelings (?:for you|haven'?t (?:gone|changed))\b",
        r"\b(?:still |so )?in love with (?:you|u)\b",
        r"\bcan'?t stop thinking about (?:you|u|us)\b",
        r"\b(?:you|u) (?:still )?mean (?:everything|the world|so much|a lot) to me\b",
        r"\bi (?:still )?care about (?:you|u) (?:so much|a lot|deeply)\b",
        r"\b(?:still )?(?:think|thinking) about (?:you|u) (?:every day|all the time|constantly|every night)\b",
        r"\bmy heart (?:still )?(?:belongs|is yours)\b",
        r"\b(?:you'?re|you are) (?:the one|my person|the love of my life)\b",
        r"\bthe love of my life\b",
    ],
    "apology": [
        r"\b(?:i'?m |im |i am )?(?:so |really |truly |very |deeply |terribly )*sorry\b(?! (?:to hear|for your loss|(?:that )?(?:you|u) feel|not sorry|about (?:your|ur) (?:gran|grandma|grandad|grandpa|nan|nana|loss|mum|mom|dad|dog|cat|aunt|uncle)))",
        r"\bsry\b|\bsoz\b",
        r"\b(?:i )?apologi[sz]e\b",
        r"\b(?:my )?apolog(?:y|ies)\b",
        r"\bplease forgive me\b|\bforgive me\b",
        r"\bi was (?:wrong|out of line|an idiot|a jerk|selfish|unfair|awful|horrible)\b",
        r"\b(?:it was|that was|was) (?:all )?my fault\b",
        r"\bi shouldn'?t have\b",
        r"\bi regret (?:how|what|the way|hurting|saying|not|everything|it)\b",
        r"\bmy bad\b",
    ],
    "invitation": [
        r"\bwant to (?:team up|check out|come|see|go|try|join|grab|meet)\b[^.!]{0,40}\?",
        r"\b(?:on|this|next) (?:mon|tues|wednes|thurs|fri|satur|sun)day(?: morning| afternoon| evening| night)?\?",
        r"\binterested\?|\bin person\b|\bi (?:want|would love|'d love) to see you\b|\btwo tickets\b|\btable for\b",
        r"\bcome (?:over|down|out|round|thru|through)\b",
        r"\bi'?ll be at your\b|\bmeet(?:ing)? (?:this|next|on|at|up)\b",
        r"\b(?:coffee|a coffee|drinks?|a drink|lunch|dinner|brunch|breakfast|a walk|a call|a chat|a pint|a bite|ice cream|chai|a quick one)\b[^.!?]{0,40}\?",
        r"\b(?:fancy|wanna|want to|would you like to|would you be up for|up for|free for|care to|down to|d'?you want to|do you want to|keen to|keen on)\b[^.!?]{0,40}(?:coffee|drink|lunch|dinner|brunch|breakfast|walk|call|chat|meet|catch up|go|come|join|grab|hang|see|pint|film|movie|gig|show|exhibit|market|gallery|museum)\b",
        r"\b(?:can|could|shall|should) (?:we|i) (?:meet|grab|get|go|call|ring|phone|see|catch up|talk on the phone|hop on|facetime|hang out|have a)\b",
        r"\blet'?s (?:meet|grab|get (?:a |coffee|lunch|dinner|drinks|food)|go|catch up|do|have|hang)\b",
        r"\b(?:are|r) (?:you|u) (?:free|around|busy) (?:on|this|next|for|tomorrow|tonight|sat|sun|at|later)\b",
        r"\bwe should (?:grab|get|go|meet|catch up|hang|do)\b",
        r"\b(?:call|ring|phone|facetime) me\b",
        r"\b(?:join|come with) me\b",
        r"\bmeet (?:up|for|at|me)\b",
        r"\b(?:catch up|hang out)\b[^.!?]{0,30}\?",
        r"\b(?:give|drop|bring|hand) (?:it|them|your \w+|the \w+) (?:back )?(?:to you )?(?:in person|over coffee)\b",
        r"\b(?:coffee|lunch|dinner|drinks) (?:on|this|next|tomorrow|sometime|some time)\b",
        r"\bhow about (?:a |we |coffee|lunch|dinner|drinks|meeting|going)\b",
        r"\bwould you be interested in joining\b",
    ],
    "memory": [
        r"\b(?:do you |d'?you |u |you )?(?:remember|rmbr|remeber|rember) (?:when|the time|that (?:time|night|day|trip|guy|girl|place|song)|how (?:we|you)|us\b(?! haha)|our|the night|the day|the (?:concert|trip|holiday|gig|party|weekend|summer))",
        r"\b(?:remember|rmbr)\?|\bremembered you\b",
        r"\bour (?:old |first |last |sunday |\w+ )?(?:flat|house|place|trip|walk|walks|drive|holiday|dance|anniversary|song|spot|first glastonbury|vietnam trip|paris trip)\b",
        r"\b(?:found|still have|dug out) (?:the|your|a|that|our) (?:\w+ ){0,3}(?:from|we|you (?:gave|bought|made))\b",
        r"\bwhere we (?:met|had|saw|went|first|used)\b|\bwith us in it\b|\bthis was us\b|\bwhen we (?:went|saw|were|did|had|met|first)\b",
        r"\bwe (?:went|took|had|saw|did|met|watched|queued|missed|burned|put|stayed|danced|got lost|used to)\b",
        r"\b(?:came up in my memories|popped up|on this day)\b|\bthat time\b|\bthe one from our\b|\bthat (?:weird |terrible |little |old )?\w+ (?:we|you) (?:went|bought|did|made|took)\b",
        r"\breminds? me of (?:us|you|when|our|the time|that)\b",
        r"\bour (?:trip|holiday|vacation|song|first date|anniversary|road ?trip|weekend|summer|restaurant|bench|cafe|café|hike|concert)\b",
        r"\bthe time (?:we|you and i|u and me)\b",
        r"\b(?:we|us two) used to\b",
        r"\bback when (?:we|you and i)\b",
        r"\b(?:found|came across|dug up|stumbled on) (?:this|a|an|that|our|some) (?:old )?(?:photo|pic|picture|video|vid|ticket|polaroid|note|card)\b",
        r"\b(?:photo|pic|picture|video) of (?:us|you and me|the two of us)\b",
        r"#?\b(?:throwback|tbt)\b",
        r"\b(?:that|the) (?:night|day|summer|weekend|evening|morning) (?:we|in|at when)\b",
        r"\bwhere we (?:used to|always|first|went)\b",
        r"\bwe (?:always|once) (?:went|used|did|had|got)\b",
        r"\bthis time (?:last year|(?:\w+ )?years ago)\b",
        r"\bthought of (?:the time|that time|our)\b",
    ],
    "curiosity_hook": [
        r"\b(?:you|u)(?:'ll|'re| will| are| r)? (?:never|not|not going to|never going to|won'?t|wont) (?:gonna )?(?:believe|guess)\b",
        r"\bguess (?:what|who|where)\b",
        r"\bwait (?:till|until|til) (?:you|u) (?:hear|see)\b",
        r"\bi (?:have|had|need) to tell (?:you|u|someone)\b",
        r"\bsomething (?:funny|crazy|wild|weird|hilarious|amazing|insane|random|mad) (?:just )?happened\b",
        r"\b(?:you|u)(?:'d| would) (?:love|laugh at|appreciate|die at|lose it at) (?:this|what)\b",
        r"\b(?:the )?(?:funniest|craziest|weirdest|wildest|strangest|maddest) thing\b",
        r"\b(?:quick|random|weird) (?:question|q|thought)\b",
        r"\bi (?:just )?(?:saw|heard|found) something (?:that )?(?:you|u|made me)\b",
        r"\bof all (?:people|places)\b",
        r"\bwho i just (?:saw|ran into|bumped into)\b",
        r"\bneed your (?:opinion|take|verdict|expert opinion)\b",
        r"\bsettle (?:a|an) (?:debate|argument|bet)\b",
        r"\byou(?:'re| are) (?:the only one|the only person) who(?:'d| would)? (?:get|appreciate|understand) this\b",
    ],
    "checkin": [
        r"\bhow(?:'s|s| is| are| r| have| has| was| did|'ve| were|’s) (?:you|u|ya|things|everything|life|work|uni|school|college|the \w+|your \w+|ur \w+|it going|\w+ doing|\w+ going)\b[^.!]*(?:\?|$)",
        r"\bhow (?:are|r) (?:you|u|ya)\b",
        r"\bhow(?:'ve| have) (?:you|u) been\b",
        r"\b(?:are|r) (?:you|u) (?:ok|okay|alright|good|well|doing ok|doing okay|doing well|feeling better|settling in|enjoying)\b[^.!]*\?",
        r"\b(?:you|u) (?:doing )?(?:ok|okay|alright|good|well)\s?\?",
        r"\bwhat (?:have|'ve) (?:you|u) been up to\b",
        r"\bwhat(?:'s| are| r) (?:you|u) (?:up to|doing)\b[^.!]*\?",
        r"\bdid (?:you|u|the|your) (?:get|pass|finish|manage|end up|like|enjoy|go|make it|hear back)\b[^.!]*\?",
        r"\b(?:is|was|has|did) (?:your|ur) \w+ (?:ok|okay|better|doing|feeling|recovered|still|going|settling)\b[^.!]*\?",
        r"\bhow did (?:it|the \w+|your \w+) go\b",
        r"\bhow(?:'s| is| are) (?:your|ur|the) (?:\w+ ){0,2}(?:doing|going|getting on|treating you|coming along)\b",
        r"\bany news (?:on|about)\b[^.!]*\?",
        r"\bstill (?:doing|playing|working|at|running|painting|learning)\b[^.!]*\?",
    ],
}

# Exclusions: a hit overlapping one of these is not a hit for that label.
_EXCLUDE: dict[str, list[str]] = {
    "memory": [
        r"\bremember to\b",
        r"\bif i remember\b",
        r"\beverything reminds me\b",
        r"\bthe night we broke up\b",
        r"\bour (?:spot|playlist)\b(?= still|\?)",
    ],
    "surveillance": [
        r"\bsee (?:you|u) (?:soon|later|there|then|tomorrow|around|next)\b",
        r"\bsaw (?:you|u) (?:last|were) (?:week|month) (?:and|at (?:the )?(?:meetup|coffee))\b",
    ],
    "apology": [r"\bsorry (?:to hear|for your loss)\b"],
    "breakup_talk": [
        r"\bthe fight (?:last night|on (?:tv|sky|bt))\b",
        r"\bfight (?:night|scenes?)\b",
    ],
    "hostile": [
        r"\b(?:boss|manager|landlord|referee|teacher|colleague|driver|neighbou?r|brother|sister|mum|dad|ref|government|council)\b[^.]{0,20}\b(?:idiot|joke|selfish|psycho|loser|jerk|pathetic|clown)\b",
        r"\blike an? (?:idiot|loser|child)\b",
        r"\bi(?:'m| am| was| felt like| feel like) (?:such |a complete |an absolute )?an? (?:idiot|loser|coward|waste|mess|selfish)\b",
        r"\bwaste of space and air\b",
        r"\b(?:not|wasn'?t|isn'?t|never) your fault\b|\bmade it your fault\b",
        r"\bi was (?:so |really )?(?:selfish|childish|immature|pathetic)\b",
    ],
    "reunion_push": [
        r"\btry again (?:with|next|tonight|tomorrow|later|at|on|around)\b",
        r"\b(?:can|could) you try again\b",
        r"\b(?:starting|start) over at\b",
        r"\b(?:parents|they|band|friends|[A-Z][a-z]+ and [A-Z][a-z]+) (?:got|are|getting) back together\b",
    ],
    "invitation": [
        r"\bno need to come\b|\bso you don'?t have to come\b|\binstead of you coming\b",
        r"\b(?:leave|drop|bring|post)\b[^.]{0,40}\b(?:with|at|to) (?:your|the|my) (?:flatmate|concierge|front desk|brother|sister|neighbou?r|reception|work|mum|mom)\b",
    ],
    "pressure": [
        r"\bno worries if not\b|\bwhen(?:ever)? you (?:get a chance|can|have time)\b",
        r"\b(?:landlord|agent|bank|deposit|lease|council|insurance)\b",
    ],
    "own_dating": [
        r"\b[a-z]+'s new (?:boyfriend|girlfriend|bf|gf|partner|man|fella|date)\b",
        r"\b(?:aunty|auntie|aunt|uncle|mum|mom|dad|sister|brother|friend|flatmate|roommate|cousin|mate|colleague|boss|[a-z]+ [a-z]+) (?:is|has been|was|got) (?:dating|seeing|on (?:hinge|tinder|bumble))\b",
        r"\b(?:a|the) (?:london|tour|uk|new|release|court|due|wedding|gig) date\b|\bsave the date\b|\bdating (?:shows?|advice|scene)\b",
        r"\b(?:flatmate|roommate|friend|sister|brother|cousin) brought a date\b",
    ],
    "sexual": [
        r"\bbed is calling\b|\bgo(?:ing)? to bed\b|\bin bed (?:with (?:flu|a cold|covid)|sick|ill|all day)\b",
        r"\bhot (?:sauce|chocolate|water|weather|day|tea|coffee|drink|take|dog|tub)\b",
        r"\bsexy (?:bit|scene|part)\b",
    ],
    "jealousy": [
        r"\b(?:i|i'?ve|i'?m|me|my \w+(?: \w+)?) (?:\w+ ){0,3}on (?:hinge|tinder|bumble)\b",
        r"\b(?!your\b|ur\b|you\b)[a-z]+'s (?:new )?(?:boyfriend|girlfriend|bf|gf|fella|bloke|man|woman|partner|husband|wife)\b|\b(?:her|his|their) new (?:boyfriend|girlfriend|bf|gf|fella|bloke|man|woman|partner|husband|wife)\b",
        r"\bwho(?:'s| is| was) the (?:guy|bloke|man|woman|girl|lad) (?:that|who) (?:plays|played|sang|sings|does|did|fixed|fixes|runs|made|makes|wrote)\b|\bwho(?:'s| is| was) the (?:guy|bloke|man|woman|girl|lad) (?:on the (?:left|right)|in the (?:band|video|ad|show|film|movie|song))\b",
        r"\b(?:cousin|sister|brother|friend|mate|colleague|aunt|aunty|uncle|mum|mom|dad)\b[^.]{0,25}\b(?:got |is |just got |end(?:ed)? up )?(?:engaged|marrying|married)\b[^.?!]*",
        r"\b(?!(?:you|u|ya)\b)[a-z]+ (?:got|is|just got) engaged\b[^.?!]*",
        r"\b(?:i'?m|im|i am|i'?ve been|been|i) (?:\w+ )?(?:seeing|dating|met) someone new\b",
        r"\bfrom someone else\b",
        r"\bthere with someone else\b",
        r"\b(?:sister|brother|mum|mom|dad|friend|cousin|flatmate|roommate|mate)'?s new \w+",
        r"\bseeing (?:the|a|that|it|this|my)\b(?! (?:guy|girl|man|woman|bloke|lad)\b)",
    ],
}

_NEGATOR = re.compile(
    r"\b(?:not|never|no|don'?t|dont|doesn'?t|didn'?t|won'?t|wont|isn'?t|aren'?t|wasn'?t|"
    r"can'?t|cant|cannot|shouldn'?t|wouldn'?t|hardly|without|nothing)\b|n't\b",
    re.IGNORECASE,
)
# Phrases where a negator does not negate what follows ("can't stop missing you", "why don't we…").
_AFFIRMING = re.compile(
    r"(?:can'?t|cannot|couldn'?t|won'?t|never|not) (?:stop|help|wait)|why (?:don'?t|not)|"
    r"(?:not|never) (?:going to |gonna )?(?:lie|lying)|(?:don'?t|didn'?t) (?:you|u)\b|"
    r"no (?:one|body)|never (?:stopped|forgot|forget)|not (?:only|just)|"
    r"(?:don'?t|won'?t|didn'?t|do not) (?:know|think|care|mind|want to lie)|no matter",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;!?\n]|,\s|\bbut\b|\band\b", re.IGNORECASE)

#: Labels whose rule hits are not cancelled by a negation in front (the rule contains its own).
_NOT_NEGATABLE = frozenset({"needy", "hostile", "pressure", "apology"})


@dataclass(frozen=True)
class RuleHit:
    """One rule match: the label, the character span, and whether it is discounted."""

    label: str
    start: int
    end: int
    negated: bool = False
    quoted: bool = False

    @property
    def counts(self) -> bool:
        return not (self.negated or self.quoted)


def _compile(patterns: list[str]) -> list[re.Pattern[str]]:
    """One alternation per label, for folded text: a single scan instead of one per rule."""
    return [compile_folded(patterns, re.MULTILINE)] if patterns else []


_COMPILED: dict[str, list[re.Pattern[str]]] = {label: _compile(_RULES[label]) for label in LABELS}
_COMPILED_EXCLUDE: dict[str, list[re.Pattern[str]]] = {
    label: _compile(patterns) for label, patterns in _EXCLUDE.items()
}


def is_negated(text: str, start: int) -> bool:
    """True when a negation earlier in the same clause governs the words at `start`."""
    window = text[max(0, start - 48) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    if not _NEGATOR.search(window):
        return False
    return not _AFFIRMING.search(window)


def _in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(lo <= start and end <= hi for lo, hi in ranges)


def rule_hits(text: str) -> list[RuleHit]:
    """Every rule hit in `text`, in text order, with negation and quotation marked."""
    norm = fold(normalize(text))
    quotes = quoted_ranges(norm)
    hits: list[RuleHit] = []
    for label in LABELS:
        excluded = [m.span() for p in _COMPILED_EXCLUDE.get(label, []) for m in p.finditer(norm)]
        seen: set[tuple[int, int]] = set()
        for pattern in _COMPILED[label]:
            for match in pattern.finditer(norm):
                start, end = match.span()
                if start == end or (start, end) in seen:
                    continue
                if any(lo < end and start < hi for lo, hi in excluded):
                    continue
                seen.add((start, end))
                negated = label not in _NOT_NEGATABLE and is_negated(norm, start)
                hits.append(
                    RuleHit(
                        label, start, end, negated=negated, quoted=_in_ranges(start, end, quotes)
                    )
                )
    hits.sort(key=lambda h: (h.start, h.end, h.label))
    return hits
