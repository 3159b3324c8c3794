package io.tunegate.security;

/** A freshly issued API key: the only moment its plain text exists outside the client. */
public record IssuedKey(ProjectId projectId, String key, String prefix) {

    @Override
    public String toString() {
        return "IssuedKey[projectId=" + projectId + ", prefix=" + prefix + "]";
    }
}
