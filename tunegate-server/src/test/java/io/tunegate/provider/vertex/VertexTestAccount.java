package io.tunegate.provider.vertex;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A generated Google service account whose {@code token_uri} is a WireMock token endpoint, so tests run the real
 * OAuth2 JWT-bearer exchange of google-auth-library: it signs an assertion with the account's fresh RSA key, posts
 * it, and uses the access token it gets back.
 */
final class VertexTestAccount {

    static final String TOKEN_PATH = "/oauth2/token";
    static final String ACCESS_TOKEN = "ya29.test-access-token";
    static final String CLIENT_EMAIL = "tunegate@tunegate-test.iam.gserviceaccount.com";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KeyPair KEYS = generate();

    final Path file;
    final String tokenUri;

    VertexTestAccount(WireMockServer wm) {
        this.tokenUri = "http://127.0.0.1:" + wm.port() + TOKEN_PATH;
        try {
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(KEYS.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("type", "service_account");
            account.put("project_id", "tunegate-test");
            account.put("private_key_id", "0123456789abcdef0123456789abcdef01234567");
            account.put("private_key", pem);
            account.put("client_email", CLIENT_EMAIL);
            account.put("client_id", "100000000000000000001");
            account.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
            account.put("token_uri", tokenUri);
            file = Files.createTempFile("vertex-sa-", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, JSON.writeValueAsString(account));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stubTokenEndpoint(wm);
    }

    void stubTokenEndpoint(WireMockServer wm) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("""
                {"access_token": "%s", "expires_in": 3599, "token_type": "Bearer"}""".formatted(ACCESS_TOKEN))));
    }

    VertexAuth auth() {
        return VertexAuth.fromFile(file);
    }

    /** The token requests made, each checked to be a JWT-bearer grant whose assertion this account's key signed. */
    List<JsonNode> verifiedAssertions(WireMockServer wm) {
        return wm.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).stream().map(this::verify).toList();
    }

    private JsonNode verify(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            throw new AssertionError("not a JWT-bearer grant: " + form.get("grant_type"));
        }
        String[] jwt = form.get("assertion").split("\\.");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(KEYS.getPublic());
            rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                throw new AssertionError("the assertion's signature does not verify with the account's key");
            }
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
