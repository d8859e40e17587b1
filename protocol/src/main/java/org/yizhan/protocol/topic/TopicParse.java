package org.yizhan.protocol.topic;

/** What {@link Topics#parse} made of a topic name: a kiosk topic, or the reason it is none. */
public sealed interface TopicParse {

    /** A topic of the contract. */
    record Valid(KioskTopic topic) implements TopicParse {
    }

    /**
     * Not a topic of the contract.
     *
     * @param topic  the topic as received
     * @param reason what is wrong with it, for a log line; quotes at most 80 characters of the input
     */
    record Invalid(String topic, String reason) implements TopicParse {
    }
}
