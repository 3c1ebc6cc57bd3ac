"""Transparent rules for reading the ex's reply: boundaries and interest signals.

Boundary rules err on the side of seeing a boundary (a missed "please stop texting me"
is the worst mistake the coach can make); hard negatives that only borrow the words
("don't stop sending memes", "my new job eats all my time") are excluded here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reunite.domain.coach.rules import is_negated
from reunite.domain.coach.text import compile_folded, fold, normalize, quoted_ranges

BOUNDARIES: tuple[str, ...] = ("no_contact", "space", "rejection", "new_partner")
SIGNALS: tuple[str, ...] = (
    "asks_question",
    "shares_news",
    "suggests_meeting",
    "affection",
    "laughter",
    "short_reply",
)

#: Marks a rule whose words also have common innocent senses ("go away for Easter",
#: "my partner at work"): its hit is evidence for the model, not a verdict on its own.
WEAK = "(?#weak)"

_CONTACT = r"(?:text(?:ing)?|txt(?:ing)?|messag(?:e|ing)|msg(?:ing)?|call(?:ing)?|ring(?:ing)?|contact(?:ing)?|reach(?:ing)? out|writ(?:e|ing)|email(?:ing)?|dm(?:ing)?|get(?:ting)? in touch|hitting (?:me|my line)|hmu|sending (?:me )?(?:messages|texts)|bother(?:ing)?|com(?:e|ing) (?:round|by|over)|show(?:ing)? up)"
_PARTNER = r"(?:boyfriend|girlfriend|bf|gf|partner|fianc[eé]e?|husband|wife|man|woman|girl|guy|boo|bae|other half|missus|missis|hubby|wifey)"

_BOUNDARY_RULES: dict[str, list[str]] = {
    "no_contact": [
        r"(?:^|[.!?]\s+)blocked(?:\W*$|[,.!]+\s*(?:bye|goodbye|done|sorry|now)\b)|\bblock(?:ing)? incoming\b",
        r"\b(?:rather|prefer to) not hear from (?:you|u)\b|\bonly (?:contact|message|email|call) me through\b",
        r"^\W*(?:just )?don'?t\W*$",
        r"\b(?:told|asked) you (?:\w+ ){0,3}(?:not to|to stop) (?:contact|text|messag|call|writ)",
        r"\b(?:rather|prefer) (?:we|you|if we|if you) (?:didn'?t|don'?t|did not|not|never) (?:talk|speak|stay in (?:contact|touch)|keep in touch|text|contact|message)",
        r"\b(?:not|don'?t|didn'?t|shouldn'?t|stop) (?:be|stay|keep|staying|keeping) in (?:contact|touch)\b",
        r"\bif you (?:didn'?t|did not|don'?t|would not|wouldn'?t) (?:contact|text|message|call|write to|reach out to) me\b",
        r"\b(?:need|want) (?:us |you )?to stop talking\b",
        r"(?#weak)\bstop talking\b|\bcut it out\b|\boff limits\b|\bunfollow me\b",
        r"\b(?:want|wants) nothing (?:more )?to do with you\b|\bout of my life\b|\bcut(?:ting)? you (?:off|out)\b",
        r"\bgo(?:ing)? no[- ]contact\b|\bforget about me\b|\bdon'?t come near\b",
        r"(?#weak)\bremove me from\b",
        r"(?#weak)\bthis (?:has to|needs to|must) stop\b|\byou need to stop\b|\bstop this\b(?! (?:song|show))",
        r"\b(?:this|that) (?:is|was) my (?:last|final) (?:message|text|reply)\b|\bthis conversation is over\b",
        r"\bi'?m not (?:responding|replying|answering) (?:to you|anymore|any more)\b|\bwon'?t (?:be )?(?:responding|replying)\b",
        r"\bunfollow(?:ed|ing)? you\b|\bremov(?:ed|ing) you\b|\bdelet(?:ed|ing) your number\b",
        r"^\W*(?:please|pls|plz|just|ok|now|seriously)?[\s,]*stop+\W*$",
        r"\b(?:please|pls|plz) stop\b",
        r"(?#weak)\b(?:didn'?t|not|don'?t|stop) communicat\w*\b",
        r"\bcut (?:off )?(?:all )?contact\b",
        r"(?#weak)\btake the hint\b",
        r"\bstay out of my (?:dms|inbox|life|messages)\b",
        r"(?#weak)\breport(?:ing)? (?:this|you|your)\b|\bdon'?t use it\b|\bnew number because of you\b",
        r"\bstop+ " + _CONTACT + r"\b",
        r"(?#weak)\bstop+\.? (?:it|now|this|all of it)?\s*[.!]*\s*$",
        r"(?#weak)^\W*stop+\b",
        r"\b(?:don'?t|dont|do not|never|pls don'?t|please don'?t) (?:ever )?(?:"
        + _CONTACT
        + r")(?: me| this number| my \w+)?(?: again| anymore| any more| after| ever|[.!]|\s*$| going forward)",
        r"\b(?:don'?t|dont|do not) (?:" + _CONTACT + r") me\b",
        r"\bleave me (?:alone|be)\b",
        r"\blet me be\b(?=\s*(?:[.!,]|$|now|please|pls|for|in peace))",
        r"(?#weak)\blet me be\b",
        r"\b(?:lose|delete|forget) my number\b",
        r"\bblock(?:ed|ing)? (?:you|u|ya|your number|ur number|this number|you everywhere|you on)\b|\b(?:you'?re|you are|ur|u r) (?:now )?blocked\b|^\W*blocked\b(?! (?:the|my|a|some|up|off|out|in|nose|drain|sink|toilet|ears?|sinus))|\b(?:i'?ll|i will|gonna|going to) block\b(?! (?:off|out|the|some|a|time|my (?:calendar|diary)))|\bblock(?:ed|ing)? (?:me|myself) from\b",
        r"(?#weak)\bmut(?:e|ed|ing) (?:you|u)\b",
        r"(?#weak)\bgo away\b",
        r"(?#weak)\bget lost\b",
        r"\bno (?:more )?contact\b",
        r"(?#weak)\b(?:zero|no) (?:more )?(?:contact|messages|texts|calls|dms)\b",
        r"\b(?:don'?t|do not|dont) want (?:to hear from you|any contact|contact|you contacting|you in my life|to talk to you|to be in touch|us to be in touch|to speak to you|you to (?:contact|text|message|call))",
        r"\bnever (?:talk|speak|text|write) to me again\b",
        r"\bstay away from me\b",
        r"(?#weak)\bchanging my number\b",
        r"\b(?:restraining order|harass(?:ment|ing)(?: me)?)\b",
        r"(?#weak)\bpolice\b",
        r"\b(?:last time i'?m replying|our last conversation|not replying to any more|won'?t (?:read|reply to|answer) (?:them|any|your))\b",
        r"\bdon'?t (?:want|need) (?:you|u) in my life\b",
        r"\b(?:respect|accept) (?:that )?i (?:don'?t|do not) want (?:contact|to talk)\b",
        r"(?#weak)\b(?:refrain|cease) from\b",
        r"(?#weak)\bclean break\b",
        r"\bnot interested in hearing from\b",
        r"(?#weak)\bwe(?:'re| are) done talking\b|\bdone talking\b",
        r"(?#weak)\b(?:we|i) (?:shouldn'?t|should not) (?:talk|speak|be in touch|be in contact)\b",
        r"(?#weak)\bdon'?t talk (?:at all )?(?:anymore|again)\b",
        r"\bstop reaching\b",
        # General phrasings of "don't contact me" (22 Nov, late).
        r"\bnever want to (?:hear from|see|talk to|speak to) (?:you|u)\b|\bdone hearing from (?:you|u)\b",
        r"\bquit (?:" + _CONTACT + r") me\b|\b(?:i'?ll|i will) be blocking\b",
        r"(?#weak)\brespect my (?:wishes|boundar(?:y|ies)|decision)\b|\bhow many times do i have to\b",
        r"(?#weak)\b(?:let this be|this is) the last time\b|\b(?:goodbye|bye) (?:for good|forever)\b",
        r"(?#weak)\b(?:not going to|not gonna|won'?t|will not) (?:reply|respond|answer)(?: to (?:this|you|any|these))?\b",
        r"(?#weak)\bleave it\.",
        # Compositional phrasings (stop 10): a list of contact verbs ("don't ring or text
        # me", "don't call, don't text, don't turn up"), words split by full stops ("Stop.
        # Texting. Me."), a request to stop after "you keep texting me", and every contact
        # verb after "I asked you not to".
        r"\b(?:don'?t|dont|do not|never|quit|stop+)\W+(?:ever\W+)?"
        + _CONTACT
        + r"(?:\s*(?:,|or|and|n|/|&)\s*(?:(?:don'?t|dont|do not|or)\s+)?"
        + _CONTACT
        + r")+\s+(?:me|this number|again|anymore|any more|ever)\b",
        r"\b(?:don'?t|dont|do not) "
        + _CONTACT
        + r"\W+(?:(?:or|and|n)\s+)?(?:don'?t|dont|do not) "
        + _CONTACT
        + r"\b",
        r"\bstop+\W+(?:" + _CONTACT + r")\W+me\b",
        r"\bkeep (?:on )?"
        + _CONTACT
        + r"(?:ing)?\b[^.!?]{0,40}[.!?]+\s*(?:(?:so|just|please|pls|plz|now|seriously|and)\s+)*stop+\b(?!\s+(?:by|over|round))",
        r"\b(?:begging|asking|telling) (?:you|u)\W+(?:to\s+)?(?:please\s+)?stop+\b(?!\s+(?:by|over|round|worrying|apologi|blaming|being))",
        r"\b(?:told|asked|begged) (?:you|u) (?:\w+ ){0,3}(?:not to|to stop|to quit) "
        + _CONTACT
        + r"\b",
        r"\bwe (?:agreed|said|decided) (?:not to|we wouldn'?t|we won'?t|no) (?:talk|text|speak|contact|be in (?:contact|touch)|message)",
        r"\b(?:refrain|cease|desist) from (?:" + _CONTACT + r")\b",
        r"\bleave me alo+ne+\b",
        r"\b(?:can'?t|cannot|won'?t|shouldn'?t) (?:be|stay|keep|remain) in (?:contact|touch)\b|\bthis is goodbye\b|\bi need (?:you|u) to stop\W*$",
        r"\b(?:don'?t|do not|never) (?:come|turn up|show up|come round) (?:to|at|round|near) my (?:house|flat|place|work|door|office)\b",
        r"\bwant (?:zero|no) (?:more )?contact\b|\b(?:we|us) (?:should|need to|have to|must) stop (?:talking|texting|messaging|contact)",
    ],
    "space": [
        r"\bbreak from (?:talking|texting|you|us|each other|this)\b|\bbefore we talk again\b|\bwithout hearing from you\b",
        r"(?#weak)\btime (?:on my own|alone|to myself)\b|\bon my own for a (?:bit|while)\b|\bget my head (?:straight|right|together|sorted)\b",
        r"(?#weak)\brevisit (?:this|it|us)\b|\bask me again\b|\bneed to breathe\b|\bleave it for a (?:few|couple|while|bit|month)\b",
        r"(?#weak)\b(?:take|taking|have|get) (?:some |a bit of |a little )?space\b|\b(?:texting|talking|phone|social media) break\b|^\W*space\b",
        r"(?#weak)\b(?:few|couple of) (?:weeks|months|days) of quiet\b|\bsit with (?:things|this|it) on my own\b",
        r"(?#weak)\bnot (?:in a|in the right) (?:place|headspace|space)\b|\bclear my head\b|\bneed (?:to think|to process|time to think)\b(?! about (?:which|what to|the job|where))",
        r"(?#weak)\b(?:take|taking) it slow\b|\bdon'?t rush me\b|\bgive it (?:some )?time\b|\bbreathing room\b",
        r"(?#weak)\b(?:talk|text|speak|catch up) (?:later|another time|in a (?:few|couple)|after (?:the holidays|christmas|summer|my exams|this))\b",
        r"(?#weak)\bi'?(?:ll| will) (?:text|message|call|contact) you when\b|\bwhen i'?m ready\b|\bnot right now\b|\bmaybe (?:later|one day|someday|in a while)\b",
        r"(?#weak)\blet me (?:process|think about (?:us|this|it|what you said))\b",
        r"(?#weak)\blet me breathe\b",
        r"\basking (?:you )?for (?:some |a bit of )?(?:time|space)\b",
        r"(?#weak)\b(?:time|need) to be alone\b",
        r"(?#weak)\btaking the (?:summer|month|week|year) to\b",
        r"(?#weak)\bneed (?:like |about |maybe |at least )?(?:a few|a couple of|some|a|one|two|three|a good few) (?:days|weeks?|months?)\b",
        r"(?#weak)\brather not (?:talk|get into it|go there|discuss)(?: about)? (?:us|this|it|what happened|the relationship)\b",
        r"\bneed (?:some |a bit of |a little |more |a lot of |a little more |a bit more )?(?:time|space|distance|a break|room|breathing room|a breather)\b(?! (?:from (?!(?:you|u|us|talking|texting|each other|this|it all|everything|all (?:of )?this|contact|the relationship)\b)|for (?:the|my|this|work|exams?|an?\b(?! (?:bit|while|few|couple|little|week|month|day|minute|moment|second|time|year|fortnight)))|in|on|to (?:finish|get|pick|decide|cook|fix|pack|prepare|study|store|put|park|sort|think about (?:which|what|where))))",
        r"\b(?:give|let) me (?:some |a bit of |a little |more )?(?:time|space|room)\b",
        r"(?#weak)\b(?:give|let) me (?:a (?:few|couple(?: of)?) (?:days|weeks|months)|a while|a (?:week|month)|(?:two|three|\d+) (?:weeks|months))\b",
        r"\bnot ready (?:to (?:talk|see|meet|be friends|hear|go there|do this|have)|for (?:us|a conversation|contact|any of))\b",
        r"(?#weak)\bnot ready (?:for (?:this|that)|yet)\b|\bnot ready\W*$",
        r"(?#weak)\b(?:take|taking|need) (?:a |some )?(?:break|step back|time out|time off|breather|pause)\b",
        r"(?#weak)\bhit pause\b",
        r"\b(?:i'?ll|i will) (?:reach out|get in touch|message|text|call|let you know|be in touch) (?:when|once|if) i'?m ready\b",
        r"(?#weak)\b(?:i'?ll|i will) (?:reach out|get in touch|come to you) when\b",
        r"\b(?:time|space) (?:to|for) (?:think|heal|process|figure|clear)\b",
        r"(?#weak)\b(?:time|space) (?:to|for) myself\b",
        r"(?#weak)\b(?:hold off|go quiet|not talk|not text|stay away|step back|back off|keep (?:my )?distance)\b[^.!?]{0,30}\bfor (?:now|a while|a bit|the time being)\b",
        r"(?#weak)\b(?:not|can'?t) (?:right now|at the moment|yet)\b",
        r"(?#weak)\bslow (?:down|things down)\b",
        r"(?#weak)\bpause (?:this|things|us)\b",
        r"(?#weak)\bneed a (?:little |bit )?longer\b",
        r"\btime apart\b",
        r"(?#weak)\bsome distance\b",
        r"(?#weak)\b(?:in|after) a (?:few|couple of) (?:weeks|months)\b",
        r"\bneed to (?:focus on|work on|figure out|sort out|be alone with) (?:myself|me)\b",
        r"(?#weak)\bneed to (?:focus on|work on|figure out|sort out) my \w+\b",
        r"\bwithout contact for a (?:bit|while)\b",
        r"\b(?:let'?s|can we|could we|we should|maybe we should) (?:not (?:talk|text|speak)|hold off(?: on (?:talking|texting|this))?)\b[^.!?]{0,30}\b(?:till|until|til|after|for (?:a|now|the))\b",
        r"(?#weak)\bgive me (?:till|until|til)\b",
        r"\b(?:break|time|(?:few |couple of )?(?:weeks|months)) (?:off|away) from (?:talking|texting|you|us|each other|this)\b",
        r"(?#weak)\b(?:ex|us|relationship|dating|texting|contact) detox\b|\bin the new year\b|\bcircle back\b|\bnot now\b",
        r"(?#weak)\b(?:sort|figure|work) myself out\b|\bneed to heal\b|\bstill (?:healing|too raw)\b|\btoo (?:soon|raw)\b",
        r"(?#weak)\bput (?:this|us|it|things|everything) on (?:hold|ice|pause)\b",
        # Compositional phrasings (stop 10): space from the ex named as such, "me time",
        # "a month off from us", "better if we don't talk for a while".
        r"\b(?:space|distance|time|a break|a breather|some time) (?:from|away from) (?:you|u|us|each other|this|talking|texting|messaging|contact|the relationship)\b",
        r"(?#weak)\bneed (?:some |a bit of |a little )?me[- ]time\b",
        r"\b(?:a|one|two|three|few|couple of|\d+) (?:days?|weeks?|months?) (?:off|away) from (?:us|you|u|talking|texting|each other|contact|being in (?:contact|touch)|messaging)\b",
        r"\b(?:better|good|best|healthier) (?:if|that) we (?:don'?t|didn'?t|do not|did not) (?:talk|text|chat|speak|message)\b",
        r"\bnot ready (?:2|to) (?:talk|text|chat|speak)\b",
        r"\b(?:hit|press|put) pause on (?:the |our )?(?:chats?|texting|talking|messages|us|this|contact)\b",
    ],
    "rejection": [
        r"\b(?:stopped|stop|quit) loving (?:you|u)\b|\blet go of (?:us|you|what we had|the relationship)\b|\bbroke up for a reason\b",
        r"\bno (?:on|to) getting back\b|\bnot (?:trying|doing) (?:this|us|it) (?:again|a (?:second|third) time)\b|\bnot trying a (?:second|third)\b",
        r"\b(?:won'?t|will not|wouldn'?t|isn'?t going to) be me\b|\bwe (?:don'?t|do not) work\b",
        r"(?#weak)\bfeel nothing\b|\bnothing left\b|\bromantically\b|\bas a (?:person|friend)\b|\bgoing back (?:wouldn'?t|won'?t|isn'?t)\b",
        r"\b(?:i'?m |i am |so )?over (?:you|u|us)\b",
        r"\b(?:the )?(?:love|feelings?|spark|attraction|magic|chemistry) (?:is |are |has |have )?(?:gone|dead|faded|died|over)\b",
        r"(?#weak)^\W*(?:nope|no)\W*$|^\W*(?:nope|no)[.!]+\s",
        r"(?#weak)\bnot interested\b(?! in (?:the|that|this|a|going|coming|football|politics))|\bno chance\b|\bnot happening\b",
        r"\blet me go\b|\bfind someone else\b|\byou deserve someone\b|\bhappier without you\b",
        r"(?#weak)\b(?:let it go|move on)\b",
        r"\bnot the one\b|\bwasn'?t meant to be\b|\bwant different things\b|\bcan'?t give you what you want\b",
        r"\b(?:see|think of) you (?:only )?as a friend\b|\bfriends only\b|\bonly friends\b|\bthat door is closed\b|\bclosed (?:that|the) door\b",
        r"\bmind is made up\b|\bnothing will change my mind\b|\bthe answer is no\b|\bstop hoping\b|\bno longer in love\b",
        r"(?#weak)\bwe'?re done\b(?! with the)|\bit'?s done\b(?=[.!]?\s*$)|\bwe'?re finished\b",
        r"\bdon'?t feel the same\b",
        r"\bwhy would i (?:ever )?(?:get back|go back|date|want)\b",
        r"(?#weak)\bwouldn'?t work\b",
        r"\bover us\b",
        r"(?#weak)\bnot a chance\b",
        r"(?#weak)\bit'?s a no\b",
        r"(?#weak)\bnever going back\b",
        r"(?#weak)\babsolutely not\b",
        r"\bship has sailed\b|\bdon'?t want what we had\b|\bnot looking to (?:rekindle|get back|go back)\b",
        r"\bdon'?t feel (?:that way|the same) (?:about you)?\b|\bnot going to be me\b|\bnot interested in a (?:second|another)\b",
        r"\b(?:don'?t|do not) have (?:those|romantic|any|the same) feelings\b|\bromantic feelings\b|\bfallen out of love\b",
        r"\boutgrown (?:us|you|this)\b|\bheart isn'?t in it\b|\bnothing left between us\b|\boff the table\b",
        r"\bcan'?t be together\b|\bnot giving (?:it|us) another\b|\bspark is gone\b",
        r"(?#weak)\bgo back to us\b|\bwant to be with you\b",
        r"\bwe'?re not right for each other\b|\bnot (?:meant|right) for each other\b",
        r"(?#weak)\bmoving on\b",
        r"\b(?:don'?t|do not|dont) (?:want|see|think) (?:us )?(?:to )?(?:get(?:ting)? back together|being together|us together|a future|us working|to be together|us getting back|us as a couple)",
        r"\bnot (?:getting|going to get|gonna get|get) back together\b",
        r"\b(?:not open to|no to|against) (?:getting back|us|trying again)\b",
        r"(?#weak)\b(?:it'?s|we'?re|we are|this is|it is) (?:really |so |completely |truly )?(?:over|done|finished)\b",
        r"\b(?:no (?:more |real |romantic )?|don'?t have (?:any )?|lost (?:my |the |all )?)feelings\b",
        r"\b(?:don'?t|do not|dont|no longer) (?:love|have feelings for|feel (?:the same|that way)|want) (?:you|u|us)\b",
        r"\bnot in love with (?:you|u)\b",
        r"\b(?:i'?ve|i have) moved on\b(?! (?:to|from (?:that|the|my)(?: \w+)? (?:job|place|flat|house|team|company)))",
        r"(?#weak)\b(?:just|only|stay|be|as) friends\b",
        r"(?#weak)\b(?:won'?t|will never|isn'?t going to|not going to|never gonna|would never) (?:work|happen)\b",
        r"\bnot interested in (?:getting back|us|trying|a relationship|being together)\b",
        r"(?#weak)\bnot (?:happening|coming back|interested in that)\b",
        r"\bthere(?:'s| is) no (?:us|future|chance|going back|way back)\b",
        r"\b(?:don'?t|do not|not) (?:want|going) to try again\b",
        r"\bbetter (?:apart|off apart|off without)\b",
        r"\bclosed (?:that )?chapter\b",
        r"(?#weak)\bnot (?:going|coming) back\b",
        r"\bthe answer is (?:still )?no\b",
        r"(?#weak)\bnot (?:changing|going to change) my mind\b",
        r"\bi don'?t see us\b",
        r"\bwe'?re not getting back\b(?! to)",
        r"\bnever (?:get|getting) back\b",
        r"(?#weak)\bno going back\b",
        r"(?#weak)\b(?:let|letting) (?:it|this|us) go\b",
        r"(?#weak)\bnot (?:a |an )?(?:option|possibility)\b",
        r"(?#weak)\bmade (?:my|up my) (?:decision|mind)\b",
        r"\bship(?:'s| has)? sailed\b|\b(?:run|ran) (?:its|our) course\b|\b(?:that|this|our) chapter(?:'s| is| has)? (?:closed|over|done|ended)\b",
        r"\b(?:we'?re|we are|you and (?:me|i) are|us is|we were) (?:just )?history\b|\bwhat we had (?:is|was) (?:gone|over|done|dead)\b",
        r"\bnot (?:doing|trying|giving (?:it|us)) (?:it )?a (?:second|third|fourth|fifth)\b|\b(?:our|this) story (?:ended|is over|is done|has ended|is finished)\b",
        r"\bnot the (?:person|one|girl|guy|man|woman) who (?:loved|fell for|was in love with) (?:you|u)\b|\bdoor(?:'s| is| has been| was)? (?:firmly )?(?:closed|shut) on (?:us|this|that|you|what we had)\b",
        r"(?#weak)\bwhat we had\b[^.!?]{0,30}\b(?:gone|over|finished|done|ended)\b|\bback together\?[^.!]{0,25}\bno\b|\breconcil\w*\b|\bdoor(?:'s| is)? (?:closed|shut)\b",
        r"\bbetter as friends\b|\b(?:nothing|no) more than friends\b|\bno (?:more )?second chances?\b|\bdon'?t wait (?:around )?(?:for|on) me\b",
        r"\b(?:feelings?|spark|love|attraction)(?: just)? (?:isn'?t|aren'?t|is not|are not|is no longer|are no longer) there\b",
        r"(?#weak)\bfelt nothing\b|\bhad our (?:chance|time|shot)\b|\btoo much has happened\b|\bhappier (?:single|on my own|alone)\b",
        # Compositional phrasings (stop 10).
        r"\b(?:it'?s|we'?re|we are|it is|things are) (?:really |so |completely )?(?:over|finished|done|through) between (?:us|me and you|you and me)\b",
        r"\bwe'?re (?:finished|through)\b(?! (?:to|with (?:the|dinner|lunch|work)))|\bwe'?re done\b(?=\W*(?:$|[,.!]|remember|for good|now\b|mate|babe))",
        r"\b(?:i'?m|im|i am) (?:so |completely |totally |honestly )?(?:done|finished) with (?:us|you|u|this relationship|the relationship|being your)\b",
        r"\b(?:don'?t|do not|dont) want (?:us back|you back|a relationship with (?:you|u)|to (?:get back together|try again|give (?:it|this|us) (?:another|a second) (?:go|try|shot|chance)))\b",
        r"\bnot (?:interested in|open to) (?:rekindling|reconcil\w+|getting back|trying again|another go)\b|\breconciliation (?:is|isn'?t) not\b|\breconciliation isn'?t\b",
        r"\b(?:don'?t|do not|dont) think of (?:you|u) (?:that way|like that|romantically)\b",
        r"\b(?:don'?t|do not|dont) miss (?:us|you|u|being with you)\b(?![^.!?]{0,20}\b(?:that much|as much|less|more|less than)\b)",
        r"\b(?:feel|felt) nothing (?:when|whenever|if) (?:i |i'?m )?(?:see|saw|hear|heard|think|thought|read|look|looked)\b",
        r"\bnot your (?:girlfriend|boyfriend|gf|bf|partner|wife|husband|girl|man) (?:anymore|any more|now)\b",
        r"\bfriendship only\b|\bfriends,? (?:sure|yes|fine)\W+(?:anything|nothing) more\W+no\b",
        r"\b(?:no|not a|isn'?t a|there isn'?t a) way back\b|\bjust not with me\b",
        r"\b(?:we|us|what we had|our relationship|you and me|you and i)(?:'re| are| is| was|'s) (?:firmly |well and truly )?(?:in the past|behind me)\b",
    ],
    "new_partner": [
        r"\b(?:new person |someone (?:new )?|somebody (?:new )?)in my life\b|\bstarted (?:seeing|dating) (?:someone|somebody|a (?:guy|girl|man|woman)|this)\b",
        r"(?#weak)\bin the picture\b|\b(?:i'?m|im|i am) with \w+ now\b|\bi'?ve been with \w+ for\b|\b(?:official|together) now\b|\bgot married\b",
        r"\b(?:i'?m|im|i am) (?:kind of |kinda |sort of |sorta |actually |currently |now |already )+(?:seeing|dating|with) (?:someone|somebody)\b",
        r"\b(?:got|have got|'ve got) (?:a |an )?(?:new )?(?:gf|bf|girlfriend|boyfriend|partner|fianc[eé]e?|husband|wife)\b",
        r"\bsomeone special\b|\bin love with someone\b|\bmoved on with\b|\b(?:he|she)'?s my (?:boyfriend|girlfriend|partner)\b",
        r"\bwe'?ve been together (?:since|for)\b|\bdating someone\b|\bi'?m taken\b",
        r"\b(?:i'?m|im|i am) (?:literally |actually |now )?engaged\b",
        r"\bnew (?:boyfriend|girlfriend|bf|gf|husband|wife)\b",
        r"\bin a (?:happy |serious |new )?relationship\b(?! with (?:my (?:sofa|bed|job|couch|work)|food|pizza))",
        r"\bsomeone in the picture\b|\b(?:a guy|a girl|someone) in the picture\b|\bnot single\b",
        r"\bmy fianc[eé]e?\b|\bhappily (?:married|taken)\b",
        r"(?#weak)\bfianc[eé]e?\b|\bgetting married\b|\bfound someone\b|\bi'?ve got someone\b",
        r"\bin something with someone\b|\b(?:wife|husband|hubby|boyfriend|girlfriend) says\b",
        r"\bwith someone now\b|\b(?:i'?m|im) (?:actually |now )?with someone\b",
        r"\b(?:i'?m|im|i am|i'?ve been|i have been|been) (?:now )?(?:seeing|dating|with|in a relationship with|engaged to|married to|going out with|talking to) (?:someone|somebody|a (?:guy|girl|man|woman)|this (?:guy|girl|man|woman)|him|her)\b",
        r"\b(?:my|our) (?:new )?(?:boyfriend|girlfriend|bf|gf|fianc[eé]e?|husband|wife|hubby|wifey|other half)\b",
        r"(?#weak)\b(?:my|our) (?:new )?" + _PARTNER + r"\b",
        r"(?#weak)\bi (?:have|'ve got|got) (?:a |an )?(?:new )?" + _PARTNER + r"\b",
        r"(?#weak)\bmet someone\b",
        r"\b(?:met|meeting|seeing|dating|with|found|there'?s|there is) someone (?:new|else)\b",
        r"\b(?:i'?m|im|i am) (?:taken|engaged|married|in a relationship|seeing someone)\b",
        r"(?#weak)\b(?:we'?re|we are|we got|got) (?:engaged|married|together|official|exclusive|moving in)\b",
        r"\b(?:moved|moving) in (?:together|with (?:him|her|my))\b",
        r"(?#weak)\bnew (?:relationship|partner)\b",
        r"\boff the market\b|\bspoken for\b",
        r"\b(?:me|i) and (?:\w+ ){1,5}(?:are|r|'re) (?:a thing|together|official|engaged|getting married|dating|exclusive|moving in)\b|\b\w+ and i (?:are|'re) (?:a thing|together|official|engaged|getting married|dating|exclusive|moving in)\b",
        r"\bwe'?(?:ve| have)? been (?:seeing|dating) each other\b|\bwe'?ve been together (?:a|one|two|three|\d+|nearly|almost|over)\b",
        r"(?#weak)\b(?:he|she) proposed\b|\bi said yes\b|\bi'?ve been with \w+ since\b|\bi'?ve had a "
        + _PARTNER
        + r"\b",
        r"(?#weak)\bmy (?:fella|bloke|person|man)\b|\bwe'?re (?:expecting|having a baby)\b",
        # Compositional phrasings (stop 10).
        r"\bi (?:(?:literally|just|recently|finally|actually) )*got (?:engaged|married|hitched)\b|\b(?:i'?m|im|i am|i'?ve been|started) dating again\b|\bi (?:have|'ve got|'ve had|got) (?:a |an )(?:boyfriend|girlfriend|bf|gf|fianc[eé]e?|husband|wife)\b|\b(?:i'?m|im|i am) getting married\b",
        r"\b(?:fallen|fell|falling) for someone (?:else|new)\b|\bsomeone (?:else|new) (?:is |'s )?in the picture\b",
        r"\b(?:dating|seeing) (?:a|this) (?:guy|girl|lad|lass|man|woman|bloke|fella) (?:from|i met|at)\b",
        r"\bi'?ve been (?:with|seeing|dating) (?!a (?:therapist|counsellor|counselor|doctor|physio)\b)\w+ since\b",
    ],
}

_BOUNDARY_EXCLUDE: dict[str, list[str]] = {
    "no_contact": [
        r"\b(?:don'?t|do not|never|can'?t|couldn'?t|won'?t|no need to) (?:have to )?stop\b",
        r"\bstop+\b[^.!?]{0,40}(?:😂|🤣|😳|😆|\blol\b|haha|lmao|cute|sweet|blush|funny|❤)",
        r"\bstop (?:blaming|guilt|making me|judging|lying|teasing|apologi[sz]ing|being|playing|worrying|it+ that|sending voice|saying sorry|overthinking|thanking)",
        r"\b(?:don'?t|dont) text me (?:at work|stuff like|when|before|after|during|while|in the)\b",
        r"\bleave me alone with\b|\bwon'?t leave me alone\b",
        r"\bblock(?:ed)? (?:your number )?by accident\b|\bunblock|\bblocked (?:the|some|a|my|out|off) (?:whole|afternoon|weirdo|calendar|time|morning|day|\w+ on)\b|\bhaven'?t blocked\b|\bwhy would i block\b|\bblock you\?",
        r"\bcontact lens",
        r"\b(?:asked|told) (?:us|them|him|her|everyone|(?:my|the|her|his) \w+) to stop\b",
        r"\bstop \w+ing me (?:paragraphs|essays|novels|memes|links|chain|screenshots|photos|pics|videos|tiktoks|reels|spoilers|voice notes)",
        r"\bblock(?:ed)? (?:you|u|your number) by accident\b|\baccidentally block",
        r"\bstop (?:by|over|round)\b",
        r"\bblock (?:party|booking|of)\b",
        r"\bwrite back\b",
        r"\bcall (?:me|you) (?:later|tomorrow|tonight|back|when|sometime|this)\b",
        # Negated or asked-about blocking and stopping: "I'm not going to block you",
        # "I don't want you to stop messaging", "why'd you stop texting me?"
        r"\b(?:not|never|\w+n'?t) (?:going to |gonna |ever |even )?block(?:ing)?\b",
        r"\b(?:don'?t|do not|never|doesn'?t) want (?:you |u |us |me )?to stop\b",
        r"\bdon'?t (?:you|u) dare stop\b",
        r"\bwhy(?:'d| did| do| would)? (?:you|u) stop\b",
    ],
    "space": [
        r"\bnot ready to (?:buy|go|leave|move|start|sell|order|head)\b",
        r"\bneed (?:a bit of |some )?(?:time|space) (?:in my|to get ready|to think about (?:which|the job|what to))",
        r"\btaking (?:some )?time off (?:work)?\b|\bbreak from (?:this spreadsheet|work|this meeting)\b",
        r"\btaking a break from social media, but\b",
        r"\b(?:my|the|your) (?:new )?(?:job|work|course|exams?|boss|schedule|kids|baby|project|shifts?)\b[^.!?]{0,30}\btime\b",
        r"\b(?:have|got|any) time (?:on|for|this|next)\b",
        r"\bneed (?:some |a bit of |a little |a bit more )?time (?:to (?:get|pick|grab|find|fix|finish|cook|change))\b",
        r"\bif (?:you|u) need (?:some |a bit of |more )?(?:time|space)\b",
        r"\bspace (?:cadet|heater|station|bar)\b",
        r"\b(?:parking|storage|office|outer|head) ?space\b",
        r"\bfor now\b(?=[^.!?]{0,15}\b(?:lol|haha|the meme))",
    ],
    "rejection": [
        r"\b(?:not|never|n'?t) (?:\w+ )?over (?:you|u|us)\b",
        r"\bover (?:the moon|budget)\b|\b(?:it'?s|we'?re) (?:over|done)\W+(?:the|with the)\b|\bwe'?re done with the\b",
        r"\b(?:game|match|season|show|exam|semester|week|day|shift|film|movie|term|party|holiday)(?:'s| is| was) (?:finally )?(?:over|done|finished)\b",
        r"\bfriends (?:with|from|at|of|are|and)\b",
        r"\b(?:don'?t think|not sure|doesn'?t mean) (?:we'?re|it'?s|we are|it is) (?:over|done|finished)\b",
        r"\bno feelings (?:were |got |are |will be )?hurt\b",
        r"\b(?:don'?t|do not) want (?:you|u) to (?:stop|worry|think|feel|go|leave|be sad|apologi[sz]e|get)\b",
    ],
    "new_partner": [
        r"\b[a-z]+'s (?:got (?:a |an )?)?(?:new )?(?:boyfriend|girlfriend|partner|bf|gf|husband|wife|man|fella)\b|\b[a-z]+'s getting married\b",
        r"\b(?:with|seeing) (?:someone|somebody) (?:at \d|about)|\bwith (?:someone|somebody) (?:at the moment|right now)(?=[^.?!]{0,25}\b(?:call|ring|text) (?:you|u) back)",
        r"\bcalls? (?:you|u) my\b",
        r"\bin a relationship with (?:my (?:sofa|bed|couch|job|work|phone|cat|dog|fridge|duvet)|food|pizza|netflix)\b",
        r"\bi'?m seeing (?:someone|somebody) about\b",
        r"\b(?:my|her|his|your|roommate|flatmate) (?:is )?dating someone new\b",
        r"\b(?:sister|brother|mum|mom|dad|friend|cousin|flatmate|roommate|mate|bestie)(?:'s| is) (?:seeing|dating|with) (?:someone|somebody)\b",
        r"\bmoved in with my (?:sister|brother|mum|mom|dad|parents|friend|nan|gran)\b",
        r"\bi'?m seeing the\b",
        r"\b(?:my|her|his|your) (?:sister|brother|mum|mom|dad|friend|cousin|flatmate)'?s? (?:new )?"
        + _PARTNER
        + r"\b",
        r"\bsomeone (?:new|else) (?:at work|in the team|started|joined|is|took|moved|has)\b",
        r"\b[a-z]+'s (?:seeing|dating|with|met) someone\b",
        r"\b(?!me\b)[a-z]+ and (?!i\b|me\b)[a-z]+ (?:just )?(?:got|are|are getting) (?:engaged|married)\b|\b(?:my|her|his) (?:sister|brother|cousin|friend|mate|bestie|mum|mom|dad)(?: \w+)? (?:just )?(?:got|is|are|'s) (?:engaged|married|getting married)\b",
        r"\bmy (?:new )?(?:job|flat|place|car|phone|dog|cat|puppy|boss|manager|team)\b",
        r"\bmy man (?:utd|united|city)\b",
    ],
}

#: Hypothetical or withdrawn words apply to every boundary: "I'd have said leave me alone",
#: "part of me wants to tell you to leave me alone", "I was going to say I need space".
_HYPOTHETICAL = [
    r"\bwho (?:told|said(?: to)?) (?:you|u)\b[^.!?]{0,40}",
    r"\b(?:i'?d have|i would have|i was going to|i nearly|i almost|part of me wants to|i wanted to) (?:say|said|tell you|told you|block|ask for|ask you)\b[^.!?]{0,50}",
    r"\b(?:i'?m not|i am not|i never|never|i didn'?t|not) (?:asking|telling|asked|told) (?:you|u) to\b[^.!?,]{0,40}",
    r"\b(?:i never|never|i didn'?t|didn'?t|not) (?:said|say|saying) (?:that )?i\b[^.!?,]{0,40}",
    r"\b(?:it'?s )?not that i (?:don'?t|do not)\b[^.!?,]{0,30}",
    r"\bi (?:thought|think) i (?:needed|wanted)\b[^.!?]{0,30}(?=\bbut\b)|\bi did need (?:space|time|a break)\b[^.!?]{0,30}(?=\bbut\b)",
]

#: Look-alikes recognised for what they are: words a boundary would use, in a sense that
#: sets none ("space in my wardrobe", "my partner at work", "moving on to season 3").
#: With one of these and no decisive rule, the gate must lean towards a boundary
#: (`INNOCENT_NONE_BELOW`) instead of merely being unsure (contracts.md, read-reply).
_INNOCENT: list[str] = [
    r"\b(?:space|room) (?:in|on|for) (?:my|the|our|your) (?:closet|wardrobe|flat|room|car|boot|bag|phone|fridge|freezer|calendar|diary|garden|shed|drive|desk|suitcase|house|kitchen|cupboard|laptop|cloud|storage)\b",
    r"\b(?:partner|partners) (?:at|in|from) (?:work|the office|crime|the firm|tennis|badminton|squash|dance|class|the lab)\b|\b(?:work|business|tennis|squash|badminton|dance|gym|running|lab|doubles|training|study|climbing) partner\b",
    r"\bmoving on to (?:the next|another|a new) (?:season|episode|series|level|book|topic|chapter|show|game|job|project|round)\b",
    r"\b(?:love|loving) that for (?:you|u)\b|\b(?:i'?m|im|i am) so down\b|\bcount me in\b",
    r"\bdon'?t stop (?:sending|texting|messaging)\b|\bkeep (?:them|it|those|the \w+) coming\b",
    r"\b(?:my|the) (?:new )?(?:job|work|course|exams?|commute|shifts?|boss|kids|baby|project|dissertation) (?:eats|takes|is taking|has taken|is eating) (?:all |up )?(?:my|all my) (?:time|energy|evenings|weekends)\b",
]
_INNOCENT_RE = compile_folded(_INNOCENT, re.MULTILINE)


def innocent_sense(text: str) -> bool:
    """True when the text uses boundary words in a sense that sets no boundary."""
    return _INNOCENT_RE.search(fold(normalize(text))) is not None


_SIGNAL_RULES: dict[str, list[str]] = {
    "laughter": [
        r"\b(?:ha(?:ha)+|hah|he(?:he)+|lol+|lmao+|lmfao|rofl|lool+|hehe|ahah\w*|😂|🤣|😆|😹)\b|😂|🤣|😆|😹|\bxD\b",
    ],
    "affection": [
        r"\b(?:miss(?:ed)?|love|luv) (?:you|u|ya|us|hearing)\b",
        r"[❤💕💛🥰😘💙💜♥💗😍]",
        r"\bxx+\b",
        r"\b(?:good|nice|lovely|so good|great) to hear from (?:you|u)\b",
        r"\b(?:glad|happy) (?:you|u) (?:texted|messaged|reached out|wrote|got in touch|called)\b",
        r"\bthinking (?:of|about) (?:you|u)\b",
        r"\bcare about (?:you|u)\b",
        r"\b(?:always|still) (?:be )?special\b",
        r"\bmean(?:s|t)? a lot\b",
    ],
    "suggests_meeting": [
        r"\b(?:coffee|drink|drinks|lunch|dinner|brunch|a walk|catch up|meet up|meet|grab|hang out|get together|call me|give me a call|ring me|facetime|come over|come round)\b[^.!]{0,40}(?:\?|sometime|some time|soon|this week|next week|weekend|tomorrow|if you want|sat|sun|friday|later)",
        r"\blet'?s (?:meet|grab|get|catch up|talk|go|do|have|hang)\b",
        r"\b(?:can|could|should|shall) (?:we|i) (?:meet|grab|get|catch up|talk|call|go|see)\b",
        r"\b(?:want|wanna|fancy|up for|free for|down for|happy to) (?:to )?(?:meet|grab|get|catch up|go|a coffee|coffee|a drink|lunch|dinner|a call|call)\b",
        r"\bhow about (?:coffee|lunch|dinner|drinks|we|a)\b",
    ],
    "shares_news": [
        r"\bi (?:just |finally )?(?:got|started|passed|finished|moved|bought|quit|left|landed|booked|adopted|signed|graduated|won|lost|joined)\b",
        r"\b(?:i'?m|im|i am) (?:now |finally )?(?:moving|starting|going|engaged|married|pregnant|expecting|training|doing|back|off|learning|taking|working|seeing|living|getting)\b",
        r"\b(?:i'?ve|ive|i have) (?:just |finally )?(?:got|started|been|moved|booked|adopted|met|taken|joined|signed|decided|quit)\b",
        r"\b(?:we'?re|we are|we got|we just) (?:engaged|married|moving|expecting|getting)\b",
        r"\bnew (?:job|flat|place|house|puppy|dog|cat|course|role|car)\b",
        r"\b(?:guess what|big news|good news|news)\b",
        r"\bmy (?:new )?(?:boyfriend|girlfriend|partner|fianc[eé]e?|husband|wife)\b",
    ],
}


@dataclass(frozen=True)
class ReplyHit:
    kind: str  # a boundary or a signal name
    start: int
    end: int
    negated: bool = False
    quoted: bool = False
    weak: bool = False

    @property
    def counts(self) -> bool:
        return not (self.negated or self.quoted)

    @property
    def decisive(self) -> bool:
        """A counted hit of an unambiguous phrase: enough on its own to read a boundary."""
        return self.counts and not self.weak


def _compile(rules: dict[str, list[str]]) -> dict[str, list[re.Pattern[str]]]:
    """One alternation per kind: a single scan of the text instead of one per rule."""
    return {k: [compile_folded(ps, re.MULTILINE)] for k, ps in rules.items() if ps}


def _split_weak(rules: dict[str, list[str]], weak: bool) -> dict[str, list[str]]:
    return {
        kind: [p.removeprefix(WEAK) for p in patterns if p.startswith(WEAK) == weak]
        for kind, patterns in rules.items()
    }


_B = _compile(_split_weak(_BOUNDARY_RULES, weak=False))
_BW = _compile(_split_weak(_BOUNDARY_RULES, weak=True))
_BX = _compile(_BOUNDARY_EXCLUDE)
# Withdrawn or hypothetical words apply to every kind: scanned once per reply, not per kind.
_WITHDRAWN = compile_folded(_HYPOTHETICAL, re.MULTILINE)
_S = _compile(_SIGNAL_RULES)
# Boundaries whose phrases carry their own negation ("don't text me"): no negation check.
_NEGATABLE = frozenset({"space", "new_partner"})


def boundary_hits(text: str) -> list[ReplyHit]:
    """Boundary rule hits in text order; a negated or quoted hit is kept but marked."""
    norm = fold(normalize(text))
    quotes = quoted_ranges(norm)
    withdrawn = [m.span() for m in _WITHDRAWN.finditer(norm)]
    hits: list[ReplyHit] = []
    for kind in BOUNDARIES:
        excluded = withdrawn + [m.span() for p in _BX.get(kind, []) for m in p.finditer(norm)]
        for weak, table in ((False, _B), (True, _BW)):
            for pattern in table.get(kind, []):
                for match in pattern.finditer(norm):
                    start, end = match.span()
                    if start == end or any(lo < end and start < hi for lo, hi in excluded):
                        continue
                    negated = kind in _NEGATABLE and is_negated(norm, start)
                    quoted = any(lo <= start and end <= hi for lo, hi in quotes)
                    hits.append(ReplyHit(kind, start, end, negated, quoted, weak))
    hits.sort(key=lambda h: (h.start, h.kind))
    return hits


def signal_hits(text: str) -> list[ReplyHit]:
    norm = fold(normalize(text))
    hits: list[ReplyHit] = []
    for kind, patterns in _S.items():
        for pattern in patterns:
            for match in pattern.finditer(norm):
                if match.start() != match.end():
                    hits.append(ReplyHit(kind, match.start(), match.end()))
    return hits
