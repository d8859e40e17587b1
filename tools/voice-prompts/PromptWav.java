import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Turns espeak-ng's WAV output (22050 Hz, mono, 16-bit) into a kiosk prompt: 16 kHz mono 16-bit PCM, the
 * silence before and after trimmed to a short margin, pauses inside cut to at most {@link #MAX_PAUSE_MS},
 * peaks raised or lowered to the same level so every prompt sounds equally loud.
 *
 * <p>Run by regenerate.sh with the JDK's single-file launcher: {@code java PromptWav.java IN OUT [IN OUT]…}.
 * Resampling is a windowed-sinc low-pass at 7 kHz, so the hiss of espeak's fricatives above 8 kHz does not
 * fold back into the speech.
 */
public final class PromptWav {

    static final float RATE = 16_000f;
    static final double CUTOFF_HZ = 7_000;
    static final int TAPS_PER_SIDE = 24;
    static final double SILENT = 0.01;
    static final int LEAD_MS = 50;
    static final int TAIL_MS = 100;
    static final int MAX_PAUSE_MS = 280;
    static final double PEAK = 0.7;

    public static void main(String[] args) throws IOException, UnsupportedAudioFileException {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: java PromptWav.java IN.wav OUT.wav [IN.wav OUT.wav]...");
            System.exit(2);
        }
        for (int i = 0; i < args.length; i += 2) {
            convert(new File(args[i]), new File(args[i + 1]));
        }
    }

    static void convert(File in, File out) throws IOException, UnsupportedAudioFileException {
        double[] samples;
        float sourceRate;
        try (AudioInputStream stream = AudioSystem.getAudioInputStream(in)) {
            AudioFormat format = stream.getFormat();
            if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16
                    || format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new IOException(in + ": expected mono 16-bit signed PCM, got " + format);
            }
            sourceRate = format.getSampleRate();
            samples = toDoubles(stream.readAllBytes(), format.isBigEndian());
        }
        double[] speech = shortenPauses(trim(samples, sourceRate), sourceRate);
        double[] resampled = normalise(resample(speech, sourceRate, RATE));
        byte[] pcm = toPcm(resampled);
        AudioFormat target = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream result = new AudioInputStream(new ByteArrayInputStream(pcm), target,
                resampled.length)) {
            out.getParentFile().mkdirs();
            AudioSystem.write(result, AudioFileFormat.Type.WAVE, out);
        }
        System.out.printf("%s: %.1f s, %d bytes%n", out, resampled.length / RATE, out.length());
    }

    static double[] toDoubles(byte[] bytes, boolean bigEndian) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] samples = new double[bytes.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = buffer.getShort() / 32768.0;
        }
        return samples;
    }

    /** Keeps the speech with a short margin before and after it. */
    static double[] trim(double[] samples, float rate) {
        int first = 0;
        while (first < samples.length && Math.abs(samples[first]) < SILENT) {
            first++;
        }
        int last = samples.length - 1;
        while (last > first && Math.abs(samples[last]) < SILENT) {
            last--;
        }
        if (first >= samples.length) {
            throw new IllegalArgumentException("the recording is silent");
        }
        int from = Math.max(0, first - (int) (rate * LEAD_MS / 1000));
        int to = Math.min(samples.length, last + 1 + (int) (rate * TAIL_MS / 1000));
        double[] kept = new double[to - from];
        System.arraycopy(samples, from, kept, 0, kept.length);
        return kept;
    }

    /** A pause longer than {@link #MAX_PAUSE_MS} keeps its first and last halves of that length. */
    static double[] shortenPauses(double[] samples, float rate) {
        int longest = (int) (rate * MAX_PAUSE_MS / 1000);
        double[] kept = new double[samples.length];
        int length = 0;
        int i = 0;
        while (i < samples.length) {
            int end = i;
            while (end < samples.length && Math.abs(samples[end]) < SILENT) {
                end++;
            }
            int pause = end - i;
            if (pause > longest) {
                System.arraycopy(samples, i, kept, length, longest / 2);
                length += longest / 2;
                System.arraycopy(samples, end - longest / 2, kept, length, longest / 2);
                length += longest / 2;
            } else {
                System.arraycopy(samples, i, kept, length, pause);
                length += pause;
            }
            if (end < samples.length) {
                kept[length++] = samples[end];
            }
            i = end + 1;
        }
        double[] result = new double[length];
        System.arraycopy(kept, 0, result, 0, length);
        return result;
    }

    /** Band-limited interpolation: each output sample is a Blackman-windowed sinc sum around its position. */
    static double[] resample(double[] samples, float from, float to) {
        double step = from / to;
        double cutoff = CUTOFF_HZ / from;
        int length = (int) Math.floor(samples.length / step);
        double[] out = new double[length];
        for (int n = 0; n < length; n++) {
            double position = n * step;
            int centre = (int) Math.floor(position);
            double sum = 0;
            for (int k = centre - TAPS_PER_SIDE + 1; k <= centre + TAPS_PER_SIDE; k++) {
                if (k < 0 || k >= samples.length) {
                    continue;
                }
                double x = position - k;
                sum += samples[k] * 2 * cutoff * sinc(2 * cutoff * x) * blackman(x / TAPS_PER_SIDE);
            }
            out[n] = sum;
        }
        return out;
    }

    static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The Blackman window over −1…1. */
    static double blackman(double x) {
        if (Math.abs(x) >= 1) {
            return 0;
        }
        double t = (x + 1) / 2;
        return 0.42 - 0.5 * Math.cos(2 * Math.PI * t) + 0.08 * Math.cos(4 * Math.PI * t);
    }

    static double[] normalise(double[] samples) {
        double peak = 0;
        for (double s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        double gain = peak == 0 ? 1 : PEAK / peak;
        double[] out = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i] * gain;
        }
        return out;
    }

    static byte[] toPcm(double[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (double s : samples) {
            buffer.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(s * 32767))));
        }
        return buffer.array();
    }
}
