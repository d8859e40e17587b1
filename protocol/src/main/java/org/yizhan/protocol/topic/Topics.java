package org.yizhan.protocol.topic;

import java.util.Objects;
import java.util.Optional;

/**
 * The topic tree {@code yizhan/v1/{site}/{kiosk}/…} of one kiosk, the subscription filters of the fleet, and
 * the parser from a topic name back to a {@link KioskTopic}. The {@code v1} level changes only with a
 * change that old readers cannot ignore; within v1 payloads only grow.
 */
public record Topics(KioskId kiosk) {

    public static final String ROOT = "yizhan/v1";

    /** Every kiosk's every topic: the fleet's subscription. */
    public static final String ALL_KIOSKS = ROOT + "/+/+/#";

    public Topics {
        Objects.requireNonNull(kiosk, "kiosk");
    }

    public static Topics of(KioskId kiosk) {
        return new Topics(kiosk);
    }

    public KioskTopic state() {
        return KioskTopic.of(kiosk, TopicKind.STATE);
    }

    public KioskTopic birth() {
        return KioskTopic.of(kiosk, TopicKind.BIRTH);
    }

    public KioskTopic health() {
        return KioskTopic.of(kiosk, TopicKind.HEALTH);
    }

    public KioskTopic footfall() {
        return KioskTopic.of(kiosk, TopicKind.FOOTFALL);
    }

    public KioskTopic events() {
        return KioskTopic.of(kiosk, TopicKind.EVENTS);
    }

    public KioskTopic command(String name) {
        return KioskTopic.command(kiosk, name);
    }

    public KioskTopic commandResult() {
        return KioskTopic.of(kiosk, TopicKind.COMMAND_RESULT);
    }

    /**
     * The kiosk's MQTT client id, {@code yizhan.{site}.{kiosk}}. The dots cannot occur in ids, so two kiosks
     * never share one (with dashes, site {@code a-b} kiosk {@code c} and site {@code a} kiosk {@code b-c}
     * would), and a second connection with the same id is the same kiosk, which the broker then replaces.
     */
    public String clientId() {
        return "yizhan." + kiosk.site() + "." + kiosk.kiosk();
    }

    /** The kiosk's subscription: every command addressed to it. */
    public String commandFilter() {
        return prefix(kiosk) + TopicKind.COMMAND.segment() + "/+";
    }

    /**
     * Where the kiosk answers a command: the MQTT 5 response topic the command asked for when it lies under
     * this kiosk's own prefix, else {@code …/cmd-result}. A response topic elsewhere is not followed: the
     * kiosk's credentials may publish only under its prefix, and a command must not steer its answers to a
     * topic someone else reads.
     */
    public String responseTopic(String requested) {
        if (requested != null && requested.startsWith(prefix(kiosk))
                && parse(requested) instanceof TopicParse.Valid valid
                && valid.topic().kind().sentByKiosk()) {
            return requested;
        }
        return commandResult().toString();
    }

    /** Every topic of every kiosk of {@code site}. */
    public static String siteFilter(String site) {
        KioskId.invalidity("site", site).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return ROOT + "/" + site + "/+/#";
    }

    /** Every kiosk's topics of one kind, e.g. {@code yizhan/v1/+/+/health}; for commands every name. */
    public static String kindFilter(TopicKind kind) {
        return ROOT + "/+/+/" + kind.segment() + (kind == TopicKind.COMMAND ? "/+" : "");
    }

    /**
     * An MQTT 5 shared subscription to {@code filter}: the broker gives each message to one member of
     * {@code group}, so several console instances split a fleet between them.
     */
    public static String shared(String group, String filter) {
        KioskId.invalidity("share group", group).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return "$share/" + group + "/" + Objects.requireNonNull(filter, "filter");
    }

    static String prefix(KioskId kiosk) {
        return ROOT + "/" + kiosk.site() + "/" + kiosk.kiosk() + "/";
    }

    /** The kiosk topic {@code topic} names, or why it names none. Never throws. */
    public static TopicParse parse(String topic) {
        Optional<String> problem = problemWith(topic);
        if (problem.isPresent()) {
            return new TopicParse.Invalid(topic == null ? "" : topic, problem.get());
        }
        String[] levels = topic.split("/", -1);
        KioskId kiosk = new KioskId(levels[2], levels[3]);
        TopicKind kind = TopicKind.fromSegment(levels[4]).orElseThrow();
        return new TopicParse.Valid(new KioskTopic(kiosk, kind, kind == TopicKind.COMMAND ? levels[5] : null));
    }

    private static Optional<String> problemWith(String topic) {
        if (topic == null || topic.isEmpty()) {
            return Optional.of("empty topic");
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return Optional.of("'" + Segments.excerpt(topic) + "' contains a wildcard; it is a filter, not a topic");
        }
        String[] levels = topic.split("/", -1);
        if (levels.length < 2 || !levels[0].equals("yizhan")) {
            return Optional.of("'" + Segments.excerpt(topic) + "' is not under " + ROOT + "/");
        }
        if (!levels[1].equals("v1")) {
            return Optional.of("'" + Segments.excerpt(topic) + "' is version '" + Segments.excerpt(levels[1])
                    + "' of the contract; this reader knows v1");
        }
        if (levels.length < 5) {
            return Optional.of("'" + Segments.excerpt(topic) + "' is not " + ROOT + "/{site}/{kiosk}/{kind}");
        }
        Optional<String> level = KioskId.invalidity("site", levels[2])
                .or(() -> KioskId.invalidity("kiosk", levels[3]));
        if (level.isPresent()) {
            return level;
        }
        Optional<TopicKind> kind = TopicKind.fromSegment(levels[4]);
        if (kind.isEmpty()) {
            return Optional.of("'" + Segments.excerpt(levels[4]) + "' is not a topic kind; kinds are state, birth, "
                    + "health, footfall, events, cmd/{name} and cmd-result");
        }
        int expected = kind.get() == TopicKind.COMMAND ? 6 : 5;
        if (kind.get() == TopicKind.COMMAND && levels.length == 5) {
            return Optional.of("a cmd topic ends with the command's name, e.g. " + ROOT + "/"
                    + levels[2] + "/" + levels[3] + "/cmd/restart");
        }
        if (levels.length != expected) {
            return Optional.of("'" + Segments.excerpt(topic) + "' has levels after " + levels[4]
                    + (expected == 6 ? "/{name}" : ""));
        }
        if (expected == 6) {
            return KioskId.invalidity("command name", levels[5]);
        }
        return Optional.empty();
    }
}
