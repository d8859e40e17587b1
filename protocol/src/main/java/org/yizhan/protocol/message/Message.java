package org.yizhan.protocol.message;

import org.yizhan.protocol.topic.TopicKind;

/** A payload a kiosk publishes: its {@link Envelope} and the kind of topic it goes to. */
public interface Message {

    Envelope envelope();

    TopicKind topicKind();
}
