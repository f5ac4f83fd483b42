package org.cultivate.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tracking codes and case references. A tracking code is 192 random bits, URL-safe base64 (32
 * characters); the server keeps only its SHA-256. A reference is short and readable, names no
 * person, and is the case's business key.
 */
final class TrackingCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{32}");
    /** Crockford's base32: no I, L, O or U, so a reference read aloud is not misheard. */
    private static final char[] REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private TrackingCodes() {
    }

    static String newCode() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean looksLikeCode(String candidate) {
        return candidate != null && CODE.matcher(candidate).matches();
    }

    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** {@code conduct-incident} → {@code CI-7K3M9QXA}: the process's initials and 40 random bits. */
    static String newReference(String processKey) {
        var reference = new StringBuilder();
        for (String word : processKey.split("[-_.\\s]+")) {
            if (!word.isEmpty()) {
                reference.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        reference.append('-');
        for (int i = 0; i < 8; i++) {
            reference.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return reference.toString();
    }
}
