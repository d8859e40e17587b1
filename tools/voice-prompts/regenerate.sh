#!/usr/bin/env bash
# Regenerates the kiosk's spoken prompts from their texts:
#   kiosk/src/main/resources/org/yizhan/kiosk/voice/prompts.properties  (<prompt>.<zh|en>=text)
#   → kiosk/src/main/resources/org/yizhan/kiosk/voice/<zh|en>/<prompt>.wav  (16 kHz mono 16-bit PCM)
# espeak-ng speaks each line (Mandarin: the cmn-latn-pinyin voice, which reads the characters through
# their pinyin; English: en-gb); PromptWav.java trims, resamples and levels it. Needs espeak-ng
# (apt-get install espeak-ng) and a JDK 17. Usage: tools/voice-prompts/regenerate.sh [PROMPT...]
# (no arguments: every prompt). The WAVs are committed; the build never runs this.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
voice="$root/kiosk/src/main/resources/org/yizhan/kiosk/voice"
texts="$voice/prompts.properties"

# Slower than espeak-ng's default of 175 words a minute for English: many listeners are elderly.
# Mandarin at 175 is already about three syllables a second.
zh_voice=cmn-latn-pinyin
zh_speed=175
en_voice=en-gb
en_speed=160

for tool in espeak-ng java; do
    if ! command -v "$tool" >/dev/null; then
        echo "regenerate.sh: $tool is needed (apt-get install espeak-ng; a JDK 17)" >&2
        exit 1
    fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Whether prompt $1 is among the names that follow, or no names were given.
wanted() {
    local prompt="$1" name
    shift
    [ "$#" -eq 0 ] && return 0
    for name in "$@"; do
        [ "$name" = "$prompt" ] && return 0
    done
    return 1
}

pairs=()
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        '' | '#'*) continue ;;
    esac
    key="${line%%=*}"
    text="${line#*=}"
    prompt="${key%.*}"
    language="${key##*.}"
    case "$language" in
        zh) speaker="$zh_voice" speed="$zh_speed" ;;
        en) speaker="$en_voice" speed="$en_speed" ;;
        *) echo "regenerate.sh: $key: the language must be zh or en" >&2; exit 1 ;;
    esac
    if [[ ! "$prompt" =~ ^[a-z][a-z-]*$ ]]; then
        echo "regenerate.sh: $key: a prompt is named with a-z and -" >&2
        exit 1
    fi
    wanted "$prompt" "$@" || continue
    espeak-ng -v "$speaker" -s "$speed" -w "$work/$language-$prompt.wav" "$text"
    pairs+=("$work/$language-$prompt.wav" "$voice/$language/$prompt.wav")
done < "$texts"

if [ "${#pairs[@]}" -eq 0 ]; then
    echo "regenerate.sh: no prompt called $* in $texts" >&2
    exit 1
fi
java "$here/PromptWav.java" "${pairs[@]}"
du -ch "$voice"/zh/*.wav "$voice"/en/*.wav | tail -n 1
