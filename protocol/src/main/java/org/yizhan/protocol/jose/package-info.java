/**
 * The JOSE subset Yizhan signs with: compact JWS (RFC 7515) signed with Ed25519 ({@code alg} {@code EdDSA},
 * RFC 8037), Ed25519 keys as OKP JSON Web Keys and JWK Sets (RFC 7517), key ids derived from RFC 7638
 * thumbprints. Visitor passes ({@code provisioning}) and fleet commands ({@code protocol.command}) both
 * build on it; the format rules of each (claims, {@code typ}, size limits, reasons for refusal) stay
 * with them.
 *
 * <p>Readers are strict: base64url must be canonical and unpadded, JSON strict UTF-8 without duplicate
 * members or trailing content, {@code alg} exactly {@code EdDSA}, {@code crit} refused, keys taken only from
 * the caller's trust set and never from {@code jwk}, {@code jku} or {@code x5u} headers.
 */
package org.yizhan.protocol.jose;
