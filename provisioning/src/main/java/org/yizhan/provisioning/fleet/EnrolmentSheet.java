package org.yizhan.provisioning.fleet;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.yizhan.protocol.enrolment.EnrolmentCode;

/**
 * The printable page of an enrolment code: the kiosk's name and id, the QR code, what to do with it in Chinese
 * and English, when it expires, and a warning that the sheet is a secret (it carries the kiosk's broker
 * password). One A4 page; the QR code is embedded, so the file can be mailed or opened offline and printed
 * from any browser. Stateless.
 */
final class EnrolmentSheet {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private EnrolmentSheet() {
    }

    static String html(EnrolmentCode code, byte[] qrPng, ZoneId zone) {
        String expires = EXPIRY.format(code.expiresAt().atZone(zone)) + " (" + zone.getId() + ")";
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng);
        return """
                <!DOCTYPE html>
                <html lang="zh-Hans">
                <head>
                <meta charset="utf-8">
                <title>登记码 Enrolment code · %1$s</title>
                <style>
                  @page { size: A4; margin: 18mm; }
                  body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; color: #1d1d1b; max-width: 170mm;
                         margin: 0 auto; }
                  h1 { font-size: 26pt; margin: 0 0 2mm; }
                  .id { font-family: monospace; font-size: 13pt; color: #555; }
                  .qr { display: block; width: 110mm; height: 110mm; margin: 8mm auto; image-rendering: pixelated; }
                  ol { font-size: 14pt; line-height: 1.5; }
                  .en { color: #555; font-size: 11pt; }
                  .secret { border: 2px solid #b3261e; padding: 3mm 4mm; font-size: 12pt; }
                  table { font-size: 11pt; border-collapse: collapse; margin-top: 6mm; }
                  td { padding: 1mm 4mm 1mm 0; vertical-align: top; }
                </style>
                </head>
                <body>
                <h1>%1$s</h1>
                <div class="id">%2$s · %6$s</div>
                <img class="qr" src="%4$s" alt="enrolment QR code for %2$s">
                <ol>
                  <li>接通自助机电源，等屏幕显示“请扫描登记码”。<br>
                      <span class="en">Power the kiosk on and wait for “Scan the enrolment code”.</span></li>
                  <li>把这张纸放在扫码器前，直到屏幕显示“登记完成”。<br>
                      <span class="en">Hold this sheet to the kiosk's scanner until it says “Enrolled”.</span></li>
                  <li>登记后立即销毁这张纸。<br>
                      <span class="en">Shred this sheet once the kiosk is enrolled.</span></li>
                </ol>
                <p class="secret">此码含有自助机的连接密码，请妥善保管；%5$s 之后失效。如遗失，请吊销该机并重新登记。<br>
                  <span class="en">This code carries the kiosk's broker password: keep it safe. It stops working at
                  %5$s. If it is lost, revoke the kiosk and enrol it again.</span></p>
                <table>
                  <tr><td>站点 Site</td><td>%6$s (%3$s)</td></tr>
                  <tr><td>自助机 Kiosk</td><td>%2$s</td></tr>
                  <tr><td>服务器 Broker</td><td>%7$s</td></tr>
                  <tr><td>失效 Expires</td><td>%5$s</td></tr>
                </table>
                </body>
                </html>
                """.formatted(escape(code.name()), escape(code.kiosk().toString()), escape(code.kiosk().site()), image,
                escape(expires), escape(code.siteName()), escape(code.brokerUrl()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
