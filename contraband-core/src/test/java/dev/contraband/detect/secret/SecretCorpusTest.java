package dev.contraband.detect.secret;

import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality measure of issue 4: a labelled corpus, generated at test time from a seed, of secrets in the file
 * shapes they have in real images (.aws/credentials, .docker/config.json, kubeconfigs, wp-config.php, …) plus
 * look-alikes that are not secrets (digests, UUIDs, base64 images, placeholders, test-mode keys, public keys, commit
 * SHAs, package-lock integrity strings, minified JS). Every file goes through {@link SecretFileDetector} as in a
 * layer; precision and recall are printed per rule family (docs/rules.md, "Quality", records the table).
 *
 * <p>A label is a line range of one file holding one secret. A finding is true when its line falls in a label's
 * range (path-rule findings, which have no line, match a whole-file label); a label is recalled when at least one
 * finding falls in it. Precision counts findings per family of the reporting rule, recall counts labels per family
 * of the label; "extra" counts further findings on an already recalled label (several rules on one secret).
 */
class SecretCorpusTest {
    static final long SEED = 20261205L;
    private static final int ROUNDS = 4;
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    record Label(String family, int from, int to) {
    }

    record Doc(String path, String content, List<Label> labels) {
    }

    /** Builds a file line by line and remembers which lines hold which secret. */
    static final class DocBuilder {
        private final String path;
        private final StringBuilder text = new StringBuilder();
        private final List<Label> labels = new ArrayList<>();
        private int line = 1;

        DocBuilder(String path) {
            this.path = path;
        }

        DocBuilder add(String s) {
            text.append(s);
            line += (int) s.chars().filter(c -> c == '\n').count();
            return this;
        }

        /** Text holding a secret; the label spans the lines the text spans. */
        DocBuilder secret(String family, String s) {
            int from = line;
            add(s);
            labels.add(new Label(family, from, s.endsWith("\n") ? line - 1 : line));
            return this;
        }

        /** The file itself is the secret (a keystore). */
        DocBuilder wholeFile(String family) {
            labels.add(new Label(family, 0, 0));
            return this;
        }

        Doc build() {
            return new Doc(path, text.toString(), List.copyOf(labels));
        }
    }

    /** Seeded generators of secret-shaped and look-alike values. */
    static final class Gen {
        final Random r;

        Gen(long seed) {
            r = new Random(seed);
        }

        String pick(String alphabet, int n) {
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            return s.toString();
        }

        String alnum(int n) {
            return pick(ALNUM, n);
        }

        String alpha(int n) {
            return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", n);
        }

        String hex(int n) {
            return pick("0123456789abcdef", n);
        }

        String upperHex(int n) {
            return pick("0123456789ABCDEF", n);
        }

        String digits(int n) {
            return pick("0123456789", n);
        }

        String lower(int n) {
            return pick("abcdefghijklmnopqrstuvwxyz", n);
        }

        String b64(int n) {
            return pick(ALNUM + "+/", n);
        }

        String b64url(int n) {
            return pick(ALNUM + "-_", n);
        }

        String base32(int n) {
            return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n);
        }

        String uuid() {
            String h = hex(32);
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-"
                    + "89ab".charAt(r.nextInt(4)) + h.substring(17, 20) + "-" + h.substring(20);
        }

        byte[] bytes(int n) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            return b;
        }

        String word() {
            String[] w = {"orders", "billing", "payments", "search", "users", "auth", "gateway", "worker", "ledger",
                    "catalog", "media", "reports", "notify", "inventory", "checkout"};
            return w[r.nextInt(w.length)];
        }

        String password() {
            return alnum(8 + r.nextInt(16)) + "!#%*".charAt(r.nextInt(4)) + alnum(4);
        }

        String jwt() {
            Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
            String h = e.encodeToString("{\"alg\":\"RS256\",\"kid\":\"".concat(alnum(20)).concat("\"}").getBytes(StandardCharsets.UTF_8));
            String p = e.encodeToString(("{\"iss\":\"kubernetes/serviceaccount\",\"sub\":\"system:serviceaccount:" + word()
                    + ":deployer\",\"iat\":" + (1_700_000_000 + r.nextInt(9_000_000)) + "}").getBytes(StandardCharsets.UTF_8));
            return h + "." + p + "." + e.encodeToString(bytes(256));
        }

        static String wrap(String b64, int width) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < b64.length(); i += width) {
                s.append(b64, i, Math.min(b64.length(), i + width)).append('\n');
            }
            return s.toString();
        }

        /** A PEM block whose body is a realistic DER prefix followed by random bytes. */
        String pem(String type, byte[] derPrefix, int bodyBytes) {
            byte[] body = new byte[derPrefix.length + bodyBytes];
            System.arraycopy(derPrefix, 0, body, 0, derPrefix.length);
            System.arraycopy(bytes(bodyBytes), 0, body, derPrefix.length, bodyBytes);
            return "-----BEGIN " + type + "-----\n" + wrap(Base64.getEncoder().encodeToString(body), 64)
                    + "-----END " + type + "-----\n";
        }

        String rsaKey() {
            return pem("RSA PRIVATE KEY", new byte[]{0x30, (byte) 0x82, 0x04, (byte) 0xa4, 0x02, 0x01, 0x00, 0x02, (byte) 0x82, 0x01, 0x01, 0x00}, 1180);
        }

        String pkcs8Key() {
            return pem("PRIVATE KEY", Base64.getDecoder().decode("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ=="), 1180);
        }

        String ecKey() {
            return pem("EC PRIVATE KEY", new byte[]{0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20}, 110);
        }

        /** An OpenSSH private key with the real binary layout (header, none cipher, one ed25519 key). */
        String opensshKey() {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
            byte[] pub = bytes(32);
            sshString(out, "none".getBytes());
            sshString(out, "none".getBytes());
            sshString(out, new byte[0]);
            sshInt(out, 1);
            java.io.ByteArrayOutputStream pubBlob = new java.io.ByteArrayOutputStream();
            sshString(pubBlob, "ssh-ed25519".getBytes());
            sshString(pubBlob, pub);
            sshString(out, pubBlob.toByteArray());
            java.io.ByteArrayOutputStream priv = new java.io.ByteArrayOutputStream();
            int check = r.nextInt();
            sshInt(priv, check);
            sshInt(priv, check);
            sshString(priv, "ssh-ed25519".getBytes());
            sshString(priv, pub);
            byte[] secret = new byte[64];
            System.arraycopy(bytes(32), 0, secret, 0, 32);
            System.arraycopy(pub, 0, secret, 32, 32);
            sshString(priv, secret);
            sshString(priv, ("deploy@" + word()).getBytes());
            for (int pad = 1; priv.size() % 8 != 0; pad++) {
                priv.write(pad);
            }
            sshString(out, priv.toByteArray());
            return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + wrap(Base64.getEncoder().encodeToString(out.toByteArray()), 70)
                    + "-----END OPENSSH PRIVATE KEY-----\n";
        }

        private static void sshInt(java.io.ByteArrayOutputStream out, int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        }

        private static void sshString(java.io.ByteArrayOutputStream out, byte[] b) {
            sshInt(out, b.length);
            out.writeBytes(b);
        }

        String sshPublicKey() {
            java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
            sshString(blob, "ssh-ed25519".getBytes());
            sshString(blob, bytes(32));
            return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray());
        }

        String basicAuth(String user, String password) {
            return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A provider token as it is written in source: family, the variable a developer would name it, the value. */
    record Token(String family, String variable, String value) {
    }

    private static List<Supplier<Token>> providers(Gen g) {
        return List.of(
                () -> new Token("github", "GITHUB_TOKEN", "ghp_" + g.alnum(36)),
                () -> new Token("github", "GH_PAT", "github_pat_" + g.alnum(22) + "_" + g.alnum(59)),
                () -> new Token("gitlab", "GITLAB_TOKEN", "glpat-" + g.b64url(20)),
                () -> new Token("gitlab", "RUNNER_TOKEN", "glrt-" + g.b64url(20)),
                () -> new Token("slack", "SLACK_BOT_TOKEN", "xoxb-" + g.digits(12) + "-" + g.digits(13) + "-" + g.alnum(24)),
                () -> new Token("slack", "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T" + g.base32(8) + "/B" + g.base32(10) + "/" + g.alnum(24)),
                () -> new Token("stripe", "STRIPE_SECRET_KEY", "sk_live_" + g.alnum(99)),
                () -> new Token("stripe", "STRIPE_WEBHOOK_SECRET", "whsec_" + g.alnum(32)),
                () -> new Token("openai", "OPENAI_API_KEY", "sk-proj-" + g.b64url(74) + "T3BlbkFJ" + g.b64url(74)),
                () -> new Token("anthropic", "ANTHROPIC_API_KEY", "sk-ant-api03-" + g.b64url(93) + "AA"),
                () -> new Token("gcp", "GOOGLE_MAPS_API_KEY", "AIza" + g.b64url(35)),
                () -> new Token("sendgrid", "SENDGRID_API_KEY", "SG." + g.b64url(22) + "." + g.b64url(43)),
                () -> new Token("twilio", "TWILIO_AUTH_TOKEN", g.hex(32)),
                () -> new Token("twilio", "TWILIO_API_KEY", "SK" + g.hex(32)),
                () -> new Token("mailgun", "MAILGUN_API_KEY", "key-" + g.hex(32)),
                () -> new Token("mailchimp", "MAILCHIMP_KEY", g.hex(32) + "-us" + (1 + g.r.nextInt(20))),
                () -> new Token("shopify", "SHOPIFY_ACCESS_TOKEN", "shpat_" + g.hex(32)),
                () -> new Token("digitalocean", "DO_TOKEN", "dop_v1_" + g.hex(64)),
                () -> new Token("huggingface", "HF_TOKEN", "hf_" + g.alpha(34)),
                () -> new Token("npm", "NPM_TOKEN", "npm_" + g.alnum(36)),
                () -> new Token("pypi", "TWINE_PASSWORD", "pypi-AgEIcHlwaS5vcmc" + g.b64url(150)),
                () -> new Token("dockerhub", "DOCKERHUB_TOKEN", "dckr_pat_" + g.b64url(27)),
                () -> new Token("datadog", "DD_API_KEY", g.hex(32)),
                () -> new Token("newrelic", "NEW_RELIC_API_KEY", "NRAK-" + g.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 27)),
                () -> new Token("sentry", "SENTRY_DSN", "https://" + g.hex(32) + "@o" + g.digits(6) + ".ingest.sentry.io/" + g.digits(7)),
                () -> new Token("grafana", "GRAFANA_TOKEN", "glsa_" + g.alnum(32) + "_" + g.hex(8)),
                () -> new Token("databricks", "DATABRICKS_TOKEN", "dapi" + g.hex(32)),
                () -> new Token("hashicorp", "VAULT_TOKEN", "hvs." + g.alnum(24)),
                () -> new Token("terraform", "TFE_TOKEN", g.alnum(14) + ".atlasv1." + g.b64url(67)),
                () -> new Token("doppler", "DOPPLER_TOKEN", "dp.st.prd." + g.alnum(43)),
                () -> new Token("pulumi", "PULUMI_ACCESS_TOKEN", "pul-" + g.hex(40)),
                () -> new Token("postman", "POSTMAN_API_KEY", "PMAK-" + g.hex(24) + "-" + g.hex(34)),
                () -> new Token("linear", "LINEAR_API_KEY", "lin_api_" + g.alnum(40)),
                () -> new Token("notion", "NOTION_TOKEN", "ntn_" + g.digits(11) + g.alnum(35)),
                () -> new Token("heroku", "HEROKU_API_KEY", g.uuid()),
                () -> new Token("azure", "AZURE_STORAGE_CONNECTION_STRING", "DefaultEndpointsProtocol=https;AccountName=" + g.lower(10)
                        + ";AccountKey=" + g.b64(86) + "==;EndpointSuffix=core.windows.net"),
                () -> new Token("aws", "AWS_ACCESS_KEY_ID", "AKIA" + g.base32(16)),
                () -> new Token("aws", "AWS_SECRET_ACCESS_KEY", g.b64(40)),
                () -> new Token("telegram", "TELEGRAM_BOT_TOKEN", g.digits(10) + ":AA" + g.b64url(33)),
                () -> new Token("discord", "DISCORD_WEBHOOK", "https://discord.com/api/webhooks/" + g.digits(19) + "/" + g.b64url(68)),
                () -> new Token("jwt", "ID_TOKEN", g.jwt()),
                () -> new Token("database", "DATABASE_URL", "postgres://" + g.word() + ":" + g.alnum(20) + "@db." + g.word() + ".internal:5432/app"),
                () -> new Token("square", "SQUARE_ACCESS_TOKEN", "EAAA" + g.b64url(60)),
                () -> new Token("atlassian", "JIRA_API_TOKEN", "ATATT3xFfGF0" + g.b64url(170) + "=" + g.upperHex(8)),
                () -> new Token("okta", "OKTA_API_TOKEN", "00" + g.b64url(40)),
                () -> new Token("supabase", "SUPABASE_ACCESS_TOKEN", "sbp_" + g.hex(40)),
                () -> new Token("tailscale", "TS_AUTHKEY", "tskey-auth-k" + g.alnum(11) + "CNTRL-" + g.alnum(32)),
                () -> new Token("planetscale", "PLANETSCALE_TOKEN", "pscale_tkn_" + g.b64url(43)),
                () -> new Token("cloudflare", "CLOUDFLARE_API_TOKEN", g.b64url(40)),
                () -> new Token("age", "SOPS_AGE_KEY", "AGE-SECRET-KEY-1" + g.pick("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)),
                () -> new Token("brevo", "BREVO_API_KEY", "xkeysib-" + g.hex(64) + "-" + g.alnum(16)),
                () -> new Token("figma", "FIGMA_TOKEN", "figd_" + g.b64url(40)),
                () -> new Token("buildkite", "BUILDKITE_API_TOKEN", "bkua_" + g.hex(40)),
                () -> new Token("jfrog", "ARTIFACTORY_API_KEY", "AKCp" + g.alnum(69)),
                () -> new Token("generic", "db_password", g.alnum(24)));
    }

    /** The family of a rule: its id's provider prefix, with the merges docs/rules.md lists. */
    static String family(String ruleId) {
        String id = ruleId.startsWith("secret.") ? ruleId.substring("secret.".length()) : ruleId;
        String head = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
        return switch (head) {
            case "private", "pgp" -> "private-key";
            case "generic", "url", "authorization" -> "generic";
            case "database" -> "database";
            case "npmrc", "yarnrc" -> "npm";
            case "pypirc" -> "pypi";
            case "docker" -> "docker-config";
            case "kubeconfig", "kubernetes" -> "kubernetes";
            case "s3cfg" -> "aws";
            case "ssh" -> "ssh-authorized-keys";
            case "git" -> "git-credentials";
            case "dotenv" -> "dotenv";
            default -> head;
        };
    }

    static List<Doc> corpus(long seed) {
        Gen g = new Gen(seed);
        List<Doc> docs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            docs.addAll(positives(g, round));
            docs.addAll(negatives(g, round));
        }
        return docs;
    }

    private static List<Doc> positives(Gen g, int round) {
        List<Doc> d = new ArrayList<>();
        String user = round % 2 == 0 ? "root" : "home/" + g.word();
        String home = "/" + user;

        d.add(new DocBuilder(home + "/.aws/credentials")
                .add("[default]\n")
                .secret("aws", "aws_access_key_id = AKIA" + g.base32(16) + "\n")
                .secret("aws", "aws_secret_access_key = " + g.b64(40) + "\n")
                .add("\n[" + g.word() + "-prod]\nregion = eu-west-1\n")
                .secret("aws", "aws_access_key_id = ASIA" + g.base32(16) + "\n")
                .secret("aws", "aws_secret_access_key = " + g.b64(40) + "\n")
                .secret("aws", "aws_session_token = IQoJb3JpZ2luX2Vj" + g.b64(340) + "\n").build());

        DocBuilder docker = new DocBuilder(home + "/.docker/config.json").add("{\n  \"auths\": {\n    \"registry." + g.word() + ".io\": {\n")
                .secret("docker-config", "      \"auth\": \"" + g.basicAuth(g.word(), g.password()) + "\"\n")
                .add("    },\n    \"https://index.docker.io/v1/\": {\n")
                .secret("docker-config", "      \"auth\": \"" + g.basicAuth("ci" + g.lower(4), "dckr_pat_" + g.b64url(27)) + "\"\n")
                .add("    }");
        if (round % 2 == 1) {
            docker.add(",\n    \"" + g.lower(8) + ".azurecr.io\": {\n      \"auth\": \"MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwOg==\",\n")
                    .secret("docker-config", "      \"identitytoken\": \"" + g.jwt() + "\"\n").add("    }");
        }
        d.add(docker.add("\n  },\n  \"credsStore\": \"\"\n}\n").build());

        d.add(new DocBuilder(home + "/.npmrc")
                .secret("npm", "//registry.npmjs.org/:_authToken=npm_" + g.alnum(36) + "\n")
                .add("@" + g.word() + ":registry=https://npm." + g.word() + ".io/\n")
                .secret("npm", "//npm." + g.word() + ".io/:_authToken=" + g.b64url(40) + "\n")
                .add("always-auth=true\n").build());

        d.add(new DocBuilder(home + "/.pypirc")
                .add("[distutils]\nindex-servers =\n    pypi\n    internal\n\n[pypi]\nusername = __token__\n")
                .secret("pypi", "password = pypi-AgEIcHlwaS5vcmc" + g.b64url(160) + "\n")
                .add("\n[internal]\nrepository = https://pypi." + g.word() + ".io/\nusername = deploy\n")
                .secret("pypi", "password = " + g.password() + "\n").build());

        d.add(new DocBuilder(home + "/.git-credentials")
                .secret("git-credentials", "https://x-access-token:ghs_" + g.alnum(36) + "@github.com\n")
                .secret("git-credentials", "https://oauth2:glpat-" + g.b64url(20) + "@gitlab.com\n")
                .secret("git-credentials", "https://deploy:" + g.password() + "@git." + g.word() + ".io\n").build());

        d.add(new DocBuilder(home + "/.netrc")
                .add("machine api." + g.word() + ".io\n  login bot@" + g.word() + ".io\n")
                .secret("netrc", "  password " + g.alnum(32) + "\n")
                .secret("netrc", "machine ftp." + g.word() + ".io login mirror password " + g.password() + "\n").build());

        d.add(new DocBuilder(home + "/.pgpass")
                .add("# hostname:port:database:username:password\n")
                .secret("pgpass", "db." + g.word() + ".internal:5432:" + g.word() + ":app:" + g.password() + "\n")
                .secret("pgpass", "*:*:*:replicator:" + g.alnum(20) + "\n").build());

        String ca = Base64.getEncoder().encodeToString(("-----BEGIN CERTIFICATE-----\n" + Gen.wrap(g.b64(1000), 64) + "-----END CERTIFICATE-----\n").getBytes(StandardCharsets.UTF_8));
        DocBuilder kube = new DocBuilder(round % 2 == 0 ? home + "/.kube/config" : "/etc/kubernetes/admin.conf")
                .add("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: " + ca + "\n    server: https://10.0.0.1:6443\n  name: prod\n"
                        + "contexts:\n- context:\n    cluster: prod\n    user: deployer\n  name: prod\ncurrent-context: prod\nusers:\n- name: deployer\n");
        if (round % 2 == 0) {
            kube.secret("kubernetes", "  user:\n    token: " + g.jwt() + "\n");
        } else {
            String key = Base64.getEncoder().encodeToString(g.rsaKey().getBytes(StandardCharsets.UTF_8));
            kube.add("  user:\n    client-certificate-data: " + ca + "\n").secret("kubernetes", "    client-key-data: " + key + "\n");
        }
        d.add(kube.build());

        d.add(new DocBuilder(round % 2 == 0 ? "/app/.env" : "/srv/" + g.word() + "/.env.production")
                .add("APP_NAME=" + g.word() + "\nAPP_ENV=production\nAPP_DEBUG=false\n")
                .secret("dotenv", "APP_KEY=base64:" + g.b64(43) + "=\n")
                .add("DB_CONNECTION=mysql\nDB_HOST=db\nDB_PORT=3306\nDB_USERNAME=app\n")
                .secret("dotenv", "DB_PASSWORD=" + g.password() + "\n")
                .secret("stripe", "STRIPE_SECRET=sk_live_" + g.alnum(99) + "\n")
                .secret("dotenv", "SESSION_SECRET=\"" + g.b64url(48) + "\"\n")
                .add("MAIL_PORT=587\nQUEUE_CONNECTION=redis\n").build());

        DocBuilder wp = new DocBuilder("/var/www/html/wp-config.php")
                .add("<?php\ndefine( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', 'wp_" + g.lower(5) + "' );\n")
                .secret("wordpress", "define( 'DB_PASSWORD', '" + g.password() + "' );\n")
                .add("define( 'DB_HOST', 'mysql:3306' );\ndefine( 'DB_CHARSET', 'utf8mb4' );\n\n");
        for (String k : List.of("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT")) {
            wp.secret("wordpress", "define( '" + k + "', '" + g.pick(ALNUM + "!@#%^&*()-_=+[]:;<>,.?/|~", 64) + "' );\n");
        }
        d.add(wp.add("$table_prefix = 'wp_';\nrequire_once ABSPATH . 'wp-settings.php';\n").build());

        d.add(new DocBuilder("/app/" + g.word() + "/settings.py")
                .add("import os\nfrom pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent.parent\n\n")
                .secret("django", "SECRET_KEY = 'django-insecure-" + g.pick("abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)", 50) + "'\n")
                .add("\nDEBUG = False\nALLOWED_HOSTS = ['*']\n\nDATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'app',\n        'USER': 'app',\n")
                .secret("generic", "        'PASSWORD': '" + g.alnum(20) + "',\n")
                .add("        'HOST': 'db',\n    }\n}\n").build());

        d.add(new DocBuilder("/var/jenkins_home/credentials.xml")
                .add("<?xml version='1.1' encoding='UTF-8'?>\n<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin=\"credentials@1319\">\n  <domainCredentialsMap>\n"
                        + "        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n          <id>nexus</id>\n          <username>deploy</username>\n")
                .secret("jenkins", "          <password>{AQAAABAAAAAQ" + Base64.getEncoder().encodeToString(g.bytes(48)) + "}</password>\n")
                .add("        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n        <com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey>\n"
                        + "          <id>git</id>\n          <privateKeySource class=\"com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey$DirectEntryPrivateKeySource\">\n")
                .secret("jenkins", "            <privateKey>" + g.rsaKey().strip() + "</privateKey>\n")
                .add("          </privateKeySource>\n        </com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey>\n  </domainCredentialsMap>\n</com.cloudbees.plugins.credentials.SystemCredentialsProvider>\n").build());

        d.add(new DocBuilder(home + "/.ssh/id_rsa").secret("private-key", g.rsaKey()).build());
        d.add(new DocBuilder(home + "/.ssh/id_ed25519").secret("private-key", g.opensshKey()).build());
        d.add(new DocBuilder("/etc/ssl/private/" + g.word() + ".key").secret("private-key", round % 2 == 0 ? g.pkcs8Key() : g.ecKey()).build());
        String enc = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC," + g.upperHex(32) + "\n\n"
                + Gen.wrap(Base64.getEncoder().encodeToString(g.bytes(1192)), 64) + "-----END RSA PRIVATE KEY-----\n";
        String pkcs8enc = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + Gen.wrap(Base64.getEncoder().encodeToString(g.bytes(1298)), 64) + "-----END ENCRYPTED PRIVATE KEY-----\n";
        d.add(new DocBuilder("/opt/" + g.word() + "/tls/server.key").secret("private-key", round % 2 == 0 ? enc : pkcs8enc).build());

        d.add(new DocBuilder(home + "/.ssh/authorized_keys")
                .secret("ssh-authorized-keys", g.sshPublicKey() + " ops@" + g.word() + "\n")
                .secret("ssh-authorized-keys", "no-port-forwarding,command=\"/bin/sh\" " + g.sshPublicKey() + "\n").build());

        String project = g.word() + "-prod-" + g.digits(6);
        d.add(new DocBuilder("/app/secrets/" + project + ".json").secret("gcp", "{\n  \"type\": \"service_account\",\n  \"project_id\": \"" + project + "\",\n"
                + "  \"private_key_id\": \"" + g.hex(40) + "\",\n  \"private_key\": \"" + g.pkcs8Key().replace("\n", "\\n") + "\",\n"
                + "  \"client_email\": \"deployer@" + project + ".iam.gserviceaccount.com\",\n  \"client_id\": \"" + g.digits(21) + "\",\n"
                + "  \"auth_uri\": \"https://accounts.google.com/o/oauth2/auth\",\n  \"token_uri\": \"https://oauth2.googleapis.com/token\"\n}\n").build());

        d.add(new DocBuilder("/app/certs/" + g.word() + ".p12").add(new String(g.bytes(64), StandardCharsets.ISO_8859_1).replace('\0', '\1')).wholeFile("keystore").build());

        // Source files: every provider token once a round, spread over files of several languages.
        List<Supplier<Token>> providers = providers(g);
        String[] kinds = {"py", "js", "sh", "yaml", "json", "properties", "Dockerfile", "go"};
        int perFile = 7;
        for (int start = 0; start < providers.size(); start += perFile) {
            String kind = kinds[(start / perFile + round) % kinds.length];
            DocBuilder src = new DocBuilder(sourcePath(kind, g));
            src.add(sourceHeader(kind));
            for (int i = start; i < Math.min(providers.size(), start + perFile); i++) {
                Token t = providers.get(i).get();
                src.add(filler(kind, g));
                src.secret(t.family(), sourceLine(kind, t) + "\n");
            }
            d.add(src.add(filler(kind, g)).build());
        }
        return d;
    }

    private static String sourcePath(String kind, Gen g) {
        return switch (kind) {
            case "py" -> "/app/" + g.word() + "/config.py";
            case "js" -> "/usr/src/app/src/" + g.word() + ".config.js";
            case "sh" -> "/opt/" + g.word() + "/bin/start.sh";
            case "yaml" -> "/etc/" + g.word() + "/config.yaml";
            case "json" -> "/app/config/" + g.word() + ".json";
            case "properties" -> "/opt/" + g.word() + "/conf/application.properties";
            case "Dockerfile" -> "/build/" + g.word() + "/Dockerfile";
            default -> "/go/src/" + g.word() + "/main.go";
        };
    }

    private static String sourceHeader(String kind) {
        return switch (kind) {
            case "py" -> "import os\nimport logging\n\nlog = logging.getLogger(__name__)\n";
            case "js" -> "'use strict';\nconst path = require('path');\n\nmodule.exports = {};\n";
            case "sh" -> "#!/bin/sh\nset -eu\n";
            case "yaml" -> "server:\n  port: 8080\nintegrations:\n";
            case "json" -> "{\n  \"name\": \"service\",\n  \"port\": 8080,\n";
            case "properties" -> "server.port=8080\nspring.application.name=service\n";
            case "Dockerfile" -> "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y ca-certificates\n";
            default -> "package main\n\nimport \"os\"\n\n";
        };
    }

    private static String sourceLine(String kind, Token t) {
        String v = t.variable();
        String lowerDots = v.toLowerCase(Locale.ROOT).replace('_', '.');
        return switch (kind) {
            case "py" -> v + " = \"" + t.value() + "\"";
            case "js" -> "const " + v + " = '" + t.value() + "';";
            case "sh" -> "export " + v + "=\"" + t.value() + "\"";
            case "yaml" -> "  " + v.toLowerCase(Locale.ROOT) + ": \"" + t.value() + "\"";
            case "json" -> "  \"" + v + "\": \"" + t.value() + "\",";
            case "properties" -> lowerDots.contains(".") ? v.toLowerCase(Locale.ROOT) + "=" + t.value() : lowerDots + "=" + t.value();
            case "Dockerfile" -> "ENV " + v + "=" + t.value();
            default -> "const " + v + " = \"" + t.value() + "\"";
        };
    }

    private static String filler(String kind, Gen g) {
        return switch (kind) {
            case "py" -> "TIMEOUT_" + g.word().toUpperCase(Locale.ROOT) + " = " + g.digits(2) + "\n";
            case "js" -> "const " + g.word() + "Url = 'https://" + g.word() + ".internal/api/v" + g.digits(1) + "';\n";
            case "sh" -> "echo \"starting " + g.word() + "\"\n";
            case "yaml" -> "  " + g.word() + "_url: https://" + g.word() + ".internal\n";
            case "json" -> "  \"" + g.word() + "Id\": \"" + g.uuid() + "\",\n";
            case "properties" -> g.word() + ".timeout=" + g.digits(3) + "\n";
            case "Dockerfile" -> "RUN mkdir -p /opt/" + g.word() + "\n";
            default -> "// " + g.word() + " handler\n";
        };
    }

    private static List<Doc> negatives(Gen g, int round) {
        List<Doc> d = new ArrayList<>();
        StringBuilder s = new StringBuilder("{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",\n  \"layers\": [\n");
        for (int i = 0; i < 6; i++) {
            s.append("    {\"mediaType\": \"application/vnd.oci.image.layer.v1.tar+gzip\", \"digest\": \"sha256:").append(g.hex(64))
                    .append("\", \"size\": ").append(g.digits(7)).append("},\n");
        }
        d.add(new DocBuilder("/var/lib/" + g.word() + "/manifest.json").add(s.append("  ]\n}\n").toString()).build());

        s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append(g.hex(64)).append("  ").append(g.word()).append("-").append(g.digits(1)).append(".").append(g.digits(2)).append(".tar.gz\n");
            s.append(g.hex(40)).append("  ").append(g.word()).append(".sha1\n");
        }
        d.add(new DocBuilder("/usr/share/" + g.word() + "/SHA256SUMS").add(s.toString()).build());

        s = new StringBuilder("# pack-refs with: peeled fully-peeled sorted\n");
        for (int i = 0; i < 6; i++) {
            s.append(g.hex(40)).append(" refs/heads/").append(g.word()).append("\n");
        }
        d.add(new DocBuilder("/app/.git/packed-refs").add(s.toString()).build());
        d.add(new DocBuilder("/app/CHANGELOG.md").add("## 2.4.1\n\n- commit " + g.hex(40) + ": fix token refresh\n- Change-Id: I" + g.hex(40)
                + "\n- merged " + g.hex(7) + " (\"rotate the AWS access key and secret\")\n- Keys start with AKIA; never commit them.\n").build());

        s = new StringBuilder("[\n");
        for (int i = 0; i < 6; i++) {
            s.append("  {\"id\": \"").append(g.uuid()).append("\", \"tenantId\": \"").append(g.uuid()).append("\", \"requestId\": \"")
                    .append(g.uuid()).append("\", \"traceId\": \"").append(g.hex(32)).append("\", \"etag\": \"W/").append(g.hex(40)).append("\"},\n");
        }
        d.add(new DocBuilder("/app/data/" + g.word() + ".json").add(s.append("]\n").toString()).build());

        byte[] png = g.bytes(3000);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
        d.add(new DocBuilder("/usr/share/nginx/html/" + g.word() + ".css").add(".logo{background:url(data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + ") no-repeat}\n.icon{background-image:url(\"data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(("<svg xmlns='http://www.w3.org/2000/svg'>" + g.alnum(300) + "</svg>").getBytes(StandardCharsets.UTF_8)) + "\")}\n").build());

        d.add(new DocBuilder("/app/config/" + g.word() + ".yaml").add("database:\n  password: changeme\n  user: app\napi_key: <YOUR_API_KEY>\n"
                + "github:\n  token: ${GITHUB_TOKEN}\nsmtp:\n  password: \"********\"\naws:\n  access_key_id: AKIAIOSFODNN7EXAMPLE\n"
                + "  secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nslack_token: xoxb-your-token-here\n"
                + "stripe_key: sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\ngh: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nsecret: REPLACE_ME_WITH_A_REAL_SECRET\n").build());
        d.add(new DocBuilder("/app/.env.example").add("APP_KEY=\nDB_PASSWORD=your_password_here\nSTRIPE_SECRET_KEY=sk_live_your_key\n"
                + "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}\nSENDGRID_API_KEY=<sendgrid-api-key>\nREDIS_URL=redis://localhost:6379\n").build());

        d.add(new DocBuilder("/app/config/payments-test.sh").add("export STRIPE_SECRET_KEY=\"sk_test_" + g.alnum(99) + "\"\n"
                + "export STRIPE_PUBLISHABLE_KEY=\"pk_live_" + g.alnum(99) + "\"\nexport STRIPE_RESTRICTED=\"rk_test_" + g.alnum(99) + "\"\n"
                + "export PLAID_ACCESS_TOKEN=\"access-sandbox-" + g.uuid() + "\"\nexport FLW_SECRET_KEY=\"FLWSECK_TEST-" + g.hex(32) + "-X\"\n"
                + "export SHIPPO_API_TOKEN=\"shippo_test_" + g.hex(40) + "\"\nexport EASYPOST_API_KEY=\"EZTK" + g.alnum(54) + "\"\n"
                + "export MAPBOX_TOKEN=\"pk.eyJ1Ijoi" + g.b64url(60) + "." + g.b64url(22) + "\"\n").build());

        d.add(new DocBuilder("/etc/ssh/ssh_host_ed25519_key.pub").add(g.sshPublicKey() + " root@buildkitsandbox\n").build());
        d.add(new DocBuilder("/root/.ssh/known_hosts").add("github.com " + g.sshPublicKey() + "\ngitlab.com " + g.sshPublicKey() + "\n").build());
        d.add(new DocBuilder("/home/" + g.word() + "/.ssh/id_ed25519.pub").add(g.sshPublicKey() + " dev@laptop\n").build());
        d.add(new DocBuilder("/etc/ssl/certs/" + g.word() + "-ca.pem").add("-----BEGIN CERTIFICATE-----\n" + Gen.wrap(Base64.getEncoder().encodeToString(g.bytes(900)), 64)
                + "-----END CERTIFICATE-----\n").build());
        d.add(new DocBuilder("/app/keys/jwt-public.pem").add("-----BEGIN PUBLIC KEY-----\n" + Gen.wrap(Base64.getEncoder().encodeToString(g.bytes(294)), 64)
                + "-----END PUBLIC KEY-----\n").build());
        d.add(new DocBuilder("/usr/share/keyrings/" + g.word() + "-archive-keyring.asc").add("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n"
                + Gen.wrap(Base64.getEncoder().encodeToString(g.bytes(1200)), 64) + "=" + g.alnum(4) + "\n-----END PGP PUBLIC KEY BLOCK-----\n").build());

        s = new StringBuilder("{\n  \"name\": \"app\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n");
        for (int i = 0; i < 10; i++) {
            String p = g.word() + "-" + g.lower(4);
            s.append("    \"node_modules/").append(p).append("\": {\n      \"version\": \"").append(g.digits(1)).append(".").append(g.digits(1)).append(".").append(g.digits(1))
                    .append("\",\n      \"resolved\": \"https://registry.npmjs.org/").append(p).append("/-/").append(p).append("-1.0.0.tgz\",\n      \"integrity\": \"sha512-")
                    .append(Base64.getEncoder().encodeToString(g.bytes(64))).append("\"\n    },\n");
        }
        d.add(new DocBuilder("/usr/src/app/package-lock.json").add(s.append("  }\n}\n").toString()).build());

        s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String m = "github.com/" + g.word() + "/" + g.word();
            s.append(m).append(" v1.").append(g.digits(1)).append(".0 h1:").append(Base64.getEncoder().encodeToString(g.bytes(32))).append("\n");
            s.append(m).append(" v1.").append(g.digits(1)).append(".0/go.mod h1:").append(Base64.getEncoder().encodeToString(g.bytes(32))).append("\n");
        }
        d.add(new DocBuilder("/go/src/app/go.sum").add(s.toString()).build());
        d.add(new DocBuilder("/app/requirements.txt").add("requests==2.31.0 \\\n    --hash=sha256:" + g.hex(64) + " \\\n    --hash=sha256:" + g.hex(64)
                + "\nurllib3==2.2.1 \\\n    --hash=sha256:" + g.hex(64) + "\n").build());

        StringBuilder js = new StringBuilder("!function(e,t){\"object\"==typeof exports?module.exports=t():e.lib=t()}(this,function(){");
        String[] ids = {"e", "t", "n", "r", "o", "i", "a", "s", "u", "c"};
        for (int i = 0; i < 60; i++) {
            String a = ids[g.r.nextInt(ids.length)];
            String b = ids[g.r.nextInt(ids.length)];
            js.append("var ").append(a).append(i).append("=function(").append(b).append("){return ").append(b).append(".").append(g.word())
                    .append("(\"#").append(g.hex(6)).append("\",\"").append(g.hex(8)).append("\")};");
        }
        js.append("var __k=\"").append(g.alnum(16)).append("\";return{version:\"3.7.1\",hash:\"").append(g.hex(20)).append("\"}});\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,")
                .append(Base64.getEncoder().encodeToString(("{\"version\":3,\"sources\":[\"" + g.word() + ".ts\"],\"mappings\":\"" + g.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz;,", 400) + "\"}").getBytes(StandardCharsets.UTF_8)))
                .append("\n");
        d.add(new DocBuilder("/usr/share/nginx/html/static/js/main." + g.hex(8) + ".js").add(js.toString()).build());

        d.add(new DocBuilder("/app/" + g.word() + "/db.py").add("import os\n\npassword = os.environ[\"DB_PASSWORD\"]\napi_key = get_secret(\"" + g.word() + "/api-key\")\n"
                + "token = request.headers.get(\"Authorization\")\nsecret = settings.SECRET_KEY\nPASSWORD_MIN_LENGTH = 12\n"
                + "jwt_like = \"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0\"\nhash = \"" + g.hex(64) + "\"\nbcrypt_hash = \"$2b$12$" + g.b64(53).replace('+', '.') + "\"\n").build());
        d.add(new DocBuilder(home(round) + "/.kube/config").add("apiVersion: v1\nkind: Config\nusers:\n- name: eks\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                + "      command: aws\n      args: [\"eks\", \"get-token\", \"--cluster-name\", \"" + g.word() + "\"]\n").build());
        d.add(new DocBuilder(home(round) + "/.docker/config.json").add("{\n  \"auths\": {\n    \"" + g.word() + ".dkr.ecr.eu-west-1.amazonaws.com\": {}\n  },\n  \"credsStore\": \"ecr-login\"\n}\n").build());
        d.add(new DocBuilder(home(round) + "/.npmrc").add("//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nfund=false\naudit=false\n").build());
        d.add(new DocBuilder("/var/www/html/wp-config-sample.php").add("<?php\ndefine( 'DB_PASSWORD', 'password_here' );\ndefine( 'AUTH_KEY',         'put your unique phrase here' );\n"
                + "define( 'NONCE_SALT',       'put your unique phrase here' );\n").build());
        d.add(new DocBuilder("/app/site/settings.py").add("import os\nSECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\nDATABASES = {'default': {'PASSWORD': os.getenv('DB_PASSWORD')}}\n").build());
        d.add(new DocBuilder("/etc/passwd").add("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n").build());
        d.add(new DocBuilder("/app/docs-links.txt").add("See https://en.wikipedia.org/wiki/Basic_access_authentication for https://user:password@host URLs.\n"
                + "Clone with git clone https://github.com/" + g.word() + "/" + g.word() + ".git\n").build());
        d.add(new DocBuilder("/app/public/index.html").add("<script nonce=\"" + g.b64(24) + "\" integrity=\"sha384-" + Base64.getEncoder().encodeToString(g.bytes(48))
                + "\" src=\"/static/app.js\"></script>\n<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'sha256-" + Base64.getEncoder().encodeToString(g.bytes(32)) + "'\">\n").build());
        d.add(new DocBuilder("/app/.env").add("APP_NAME=" + g.word() + "\nAPP_URL=https://" + g.word() + ".acme.io\nLOG_LEVEL=info\nBUILD_SHA=" + g.hex(40) + "\nIMAGE_DIGEST=sha256:" + g.hex(64)
                + "\nFEATURE_FLAGS=search,checkout\nDB_PASSWORD=\nPUBLIC_KEY_URL=https://" + g.word() + ".acme.io/.well-known/jwks.json\n"
                + "STRIPE_PUBLISHABLE_KEY=pk_live_" + g.alnum(99) + "\nRECAPTCHA_SITE_KEY=6L" + g.b64url(38) + "\nNEXT_PUBLIC_MAPS_KEY_ID=" + g.uuid()
                + "\nSTRIPE_SECRET_KEY=sk_test_" + g.alnum(99) + "\nDB_PASSWORD_FILE=/run/secrets/db_password\n").build());
        return d;
    }

    private static String home(int round) {
        return round % 2 == 0 ? "/root" : "/home/app";
    }

    /** Per-family counts. */
    static final class Tally {
        int labels;
        int recalled;
        int findings;
        int trueFindings;
        int extra;
    }

    @Test
    void corpus_precisionAndRecallPerFamily() throws IOException {
        List<Doc> docs = corpus(SEED);
        Map<String, Tally> families = new TreeMap<>();
        List<String> falsePositives = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Doc doc : docs) {
            List<Finding> findings = SecretRuleSamplesTest.scan(doc.path(), doc.content());
            boolean[] hit = new boolean[doc.labels().size()];
            for (Finding f : findings) {
                Integer line = f.location() instanceof Location.File file ? file.line() : null;
                String fam = family(f.rule().id());
                Tally t = families.computeIfAbsent(fam, k -> new Tally());
                t.findings++;
                int match = -1;
                for (int i = 0; i < doc.labels().size(); i++) {
                    Label l = doc.labels().get(i);
                    if (line == null ? l.from() == 0 : l.from() <= line && line <= l.to()) {
                        match = i;
                        break;
                    }
                }
                if (match < 0) {
                    falsePositives.add(f.rule().id() + " in " + doc.path() + ":" + line + " " + f.evidence());
                } else {
                    t.trueFindings++;
                    if (hit[match]) {
                        families.computeIfAbsent(doc.labels().get(match).family(), k -> new Tally()).extra++;
                    }
                    hit[match] = true;
                }
            }
            for (int i = 0; i < hit.length; i++) {
                Label l = doc.labels().get(i);
                Tally t = families.computeIfAbsent(l.family(), k -> new Tally());
                t.labels++;
                if (hit[i]) {
                    t.recalled++;
                } else {
                    misses.add(l.family() + " in " + doc.path() + " lines " + l.from() + "-" + l.to());
                }
            }
        }
        Tally all = new Tally();
        StringBuilder table = new StringBuilder("| family | secrets | recalled | recall | findings | true | precision | extra |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Tally> e : families.entrySet()) {
            Tally t = e.getValue();
            all.labels += t.labels;
            all.recalled += t.recalled;
            all.findings += t.findings;
            all.trueFindings += t.trueFindings;
            all.extra += t.extra;
            table.append(row(e.getKey(), t));
        }
        table.append(row("**all**", all));
        String report = "corpus: " + docs.size() + " files (seed " + SEED + ", " + ROUNDS + " rounds), "
                + docs.stream().filter(x -> x.labels().isEmpty()).count() + " with no secret\n\n" + table
                + "\nfalse positives (" + falsePositives.size() + "):\n" + String.join("\n", falsePositives)
                + "\n\nmissed (" + misses.size() + "):\n" + String.join("\n", misses) + "\n";
        System.out.println(report);
        Path out = Path.of("target", "secret-corpus-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        double precision = (double) all.trueFindings / all.findings;
        double recall = (double) all.recalled / all.labels;
        assertThat(precision).as("overall precision; false positives:\n%s", String.join("\n", falsePositives)).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("overall recall; missed:\n%s", String.join("\n", misses)).isGreaterThanOrEqualTo(0.9);
    }

    private static String row(String family, Tally t) {
        return "| " + family + " | " + t.labels + " | " + t.recalled + " | " + ratio(t.recalled, t.labels) + " | " + t.findings + " | "
                + t.trueFindings + " | " + ratio(t.trueFindings, t.findings) + " | " + t.extra + " |\n";
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) a / b);
    }
}
