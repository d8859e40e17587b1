package org.yizhan.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.visitlog.Visit;
import org.yizhan.provisioning.pass.PassRejection;
import org.yizhan.provisioning.pass.VisitorCategory;

class MessagesTest {

    private static final Messages ZH = Messages.of(Language.ZH);
    private static final Messages EN = Messages.of(Language.EN);

    @Test
    void both_languages_have_the_same_keys() {
        assertEquals(new TreeSet<>(ZH.keys()), new TreeSet<>(EN.keys()));
    }

    @ParameterizedTest
    @EnumSource(PassRejection.class)
    void every_rejection_reason_has_its_own_words_in_both_languages(PassRejection reason) {
        assertTrue(ZH.keys().contains("rejected.reason." + reason.code()), reason.code());
        assertTrue(EN.keys().contains("rejected.reason." + reason.code()), reason.code());
    }

    @ParameterizedTest
    @EnumSource(VisitorCategory.class)
    void every_pass_category_has_a_name_in_both_languages(VisitorCategory category) {
        assertTrue(ZH.keys().contains("category." + category.code()), category.code());
        assertTrue(EN.keys().contains("category." + category.code()), category.code());
    }

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void every_purpose_has_a_name(Purpose purpose) {
        assertNotEquals("", ZH.purpose(purpose));
        assertNotEquals("", EN.purpose(purpose));
    }

    @ParameterizedTest
    @EnumSource(DeviceState.class)
    void every_device_state_has_a_word_in_both_languages(DeviceState state) {
        assertTrue(ZH.keys().contains("device-state." + state.code()), state.code());
        assertTrue(EN.keys().contains("device-state." + state.code()), state.code());
    }

    @Test
    void the_words_a_visitor_sees_are_the_agreed_ones() {
        assertEquals("此通行码已过期，请到服务台更新", ZH.rejection("expired"));
        assertEquals("这不是驿站通行码，请出示驿站通行码", ZH.rejection("not-a-pass"));
        assertEquals("无码访客", ZH.category(Visit.WALK_IN));
        assertEquals("健康检测", ZH.purpose(Purpose.HEALTH));
        assertEquals("Welcome, rider!", EN.format("welcome.title", EN.category("rider")));
    }
}
