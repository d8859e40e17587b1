package org.yizhan.devices.voice;

/**
 * The kiosk's voice: short recorded prompts ("please scan your own pass") spoken through the speaker, so a
 * resident who reads slowly, or not at all, is still guided.
 *
 * <p>{@link #play} starts a prompt and returns at once, on any thread; it never waits for the sound and
 * never throws because there is no sound: a kiosk without a speaker stays silent and says so on the device
 * status board. A newer prompt cuts off the one still speaking, and prompts asked for faster than they can
 * start are skipped but for the newest, so the speaker always says what the screen shows now. {@link #stop}
 * silences the current prompt.
 *
 * <p>{@link #close} silences the voice and releases the speaker; {@link #play} does nothing afterwards. It
 * may be called more than once.
 */
public interface VoicePrompts extends AutoCloseable {

    /** The device name on the status board. */
    String NAME = "voice";

    void play(SpokenPrompt prompt);

    void stop();

    /** The device name, as on the device status board. */
    default String name() {
        return NAME;
    }

    @Override
    void close();
}
