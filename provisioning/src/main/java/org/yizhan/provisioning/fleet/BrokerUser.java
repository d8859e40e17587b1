package org.yizhan.provisioning.fleet;

/** A broker account: its user name and the {@link MosquittoPasswordHash#encoded} hash of its password. */
public record BrokerUser(String username, String passwordHash) {

    public BrokerUser {
        if (username == null || username.isEmpty() || username.contains(":") || username.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a broker user name is non-empty, without ':' or spaces");
        }
        MosquittoPasswordHash.parse(passwordHash);
    }

    /** Its line in Mosquitto's password file, without the newline. */
    public String passwdLine() {
        return username + ":" + passwordHash;
    }

    @Override
    public String toString() {
        return "BrokerUser[" + username + "]";
    }
}
