package net.nsglobal.atlas.results;

import java.util.List;

/** What the raw DNS answer ({@code abuf}) says: rcode (RFC 1035 §4.1.1 + EDNS extended rcode), TXT strings, NSID. */
public record DecodedAnswer(int rcode, String rcodeName, int answerCount, List<String> txt, String nsid) {
    public DecodedAnswer {
        txt = List.copyOf(txt);
    }
}
