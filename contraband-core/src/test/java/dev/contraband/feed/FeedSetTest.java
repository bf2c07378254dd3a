package dev.contraband.feed;

import dev.contraband.detect.Category;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedSetTest {
    private static Feed parse(String text, Category c) throws IOException {
        return FeedParser.parse(text.getBytes(StandardCharsets.UTF_8), "test", c);
    }

    private static FeedSet with(Feed... feeds) {
        return FeedSet.of(FeedSet.builtInFeeds(), List.of(feeds), 30, LocalDate.of(2026, 12, 1));
    }

    @Test
    void builtIn_poolListHasAtLeast150DomainsWithSourceDateAndPorts() {
        Feed pools = FeedSet.builtInFeeds().stream().filter(f -> f.name().equals("mining-pools")).findFirst().orElseThrow();
        assertThat(pools.category()).isEqualTo(Category.CRYPTOMINING);
        assertThat(pools.entries()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(pools.source()).isNotBlank();
        assertThat(pools.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(pools.ports()).contains(3333, 4444, 5555, 14444);
        assertThat(FeedSet.builtInFeeds()).allSatisfy(f -> assertThat(f.date()).isNotBlank());
    }

    @Test
    void host_suffixAwareAndNormalised() {
        FeedSet s = FeedSet.builtIn();
        assertThat(s.host("xmr-eu1.nanopool.org")).extracting(FeedSet.Match::entry).contains("nanopool.org");
        assertThat(s.host(Hosts.normalize("XMR-EU1.NanoPool.ORG."))).isNotEmpty();
        assertThat(s.host("nanopool.org.example.com")).isEmpty();
        assertThat(s.host("mynanopool.org")).isEmpty();
        assertThat(s.host("abc.duckdns.org")).extracting(FeedSet.Match::category).containsExactly(Category.DYNAMIC_DNS);
        assertThat(s.host("x.trycloudflare.com")).extracting(FeedSet.Match::category).containsExactly(Category.PROXY_AVOIDANCE);
    }

    @Test
    void parse_domainListHostsCsvStix() throws IOException {
        Feed list = parse("# category: malicious-website\nevil.example\n203.0.113.0/24\nhttp://bad.example/x.sh\n", null);
        assertThat(list.entries()).extracting(Feed.Entry::kind).containsExactly(Feed.Kind.DOMAIN, Feed.Kind.NETWORK, Feed.Kind.URL);
        Feed hosts = parse("127.0.0.1 localhost\n0.0.0.0 ads.example tracker.example # comment\n", Category.MALICIOUS_WEBSITE);
        assertThat(hosts.entries()).extracting(Feed.Entry::value).contains("ads.example", "tracker.example");
        Feed csv = parse("domain,registered,source\nfresh.example,2026-11-25,whois\nold.example,2020-01-01,whois\n",
                Category.NEWLY_REGISTERED_DOMAIN);
        assertThat(csv.entries()).extracting(Feed.Entry::registered).containsExactly(LocalDate.of(2026, 11, 25), LocalDate.of(2020, 1, 1));
        Feed stix = parse("""
                {"type": "bundle", "id": "bundle--1", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "pattern_type": "stix",
                   "pattern": "[domain-name:value = 'c2.example'] OR [ipv4-addr:value = '198.51.100.7']"},
                  {"type": "indicator", "pattern_type": "stix", "pattern": "[url:value = 'https://drop.example/payload']"},
                  {"type": "domain-name", "value": "observed.example"}]}
                """, Category.MALICIOUS_WEBSITE);
        assertThat(stix.entries()).extracting(Feed.Entry::value)
                .containsExactlyInAnyOrder("c2.example", "198.51.100.7", "https://drop.example/payload", "observed.example");
        assertThatThrownBy(() -> parse("{\"type\": \"report\"}", Category.OTHER)).hasMessageContaining("not a STIX 2.1 bundle");
    }

    @Test
    void address_cidrIpv4AndIpv6() throws IOException {
        FeedSet s = with(parse("203.0.113.0/24\n2001:db8:bad::/48\n198.51.100.7\n", Category.MALICIOUS_WEBSITE));
        assertThat(s.address("203.0.113.77")).extracting(FeedSet.Match::entry).containsExactly("203.0.113.0/24");
        assertThat(s.address("203.0.114.1")).isEmpty();
        assertThat(s.address("2001:db8:bad:1::5")).extracting(FeedSet.Match::entry).containsExactly("2001:db8:bad::/48");
        assertThat(s.address("198.51.100.7")).hasSize(1);
    }

    @Test
    void host_newlyRegisteredOnlyWithinThreshold() throws IOException {
        FeedSet s = with(parse("domain,created\nfresh.example,2026-11-25\nold.example,2020-01-01\n", Category.NEWLY_REGISTERED_DOMAIN));
        assertThat(s.host("www.fresh.example")).hasSize(1);
        assertThat(s.host("old.example")).isEmpty();
    }

    @Test
    void host_benignDomainNeverAloneButAUrlOnItIs() throws IOException {
        FeedSet s = with(parse("github.com\nraw.githubusercontent.com\nhttps://raw.githubusercontent.com/evil/x/main/run.sh\n",
                Category.MALICIOUS_WEBSITE));
        assertThat(s.host("github.com")).isEmpty();
        assertThat(s.host("raw.githubusercontent.com")).isEmpty();
        assertThat(s.url("https://raw.githubusercontent.com/evil/x/main/run.sh")).hasSize(1);
    }

    @Test
    void normalize_punycodeAndTrailingDot() {
        assertThat(Hosts.normalize("Bücher.Example.")).isEqualTo("xn--bcher-kva.example");
        assertThat(Hosts.normalize("not a host")).isNull();
    }
}
