package dev.contraband.detect.name;

import dev.contraband.detect.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NameCheckerTest {
    private static final ReferenceSet BUILT_IN = ReferenceStore.builtIn();
    private static final NameChecker CHECKER = new NameChecker(BUILT_IN);

    private static Impersonation flagged(String name) {
        Optional<Impersonation> r = CHECKER.check(name);
        assertThat(r).as(name).isPresent();
        return r.get();
    }

    private static void assertPoses(String name, String target, Technique technique) {
        Impersonation i = flagged(name);
        assertThat(i.impersonates().reference()).as(name).isEqualTo(target);
        assertThat(i.technique()).as(name).isEqualTo(technique);
    }

    @Test
    void check_everyOfficialImage_neverFires() {
        for (OfficialImage image : BUILT_IN.officialImages()) {
            assertThat(CHECKER.check(image.name())).as(image.name()).isEmpty();
            assertThat(CHECKER.check("library/" + image.name() + ":latest")).as(image.name()).isEmpty();
        }
    }

    @Test
    void check_everyPublisherRepository_neverFires() {
        for (Publisher p : BUILT_IN.publishers()) {
            for (String repo : p.repositories()) {
                assertThat(CHECKER.check(p.namespace() + "/" + repo)).as(p.namespace() + "/" + repo).isEmpty();
            }
            assertThat(CHECKER.check(p.namespace() + "/anything-at-all")).as(p.namespace()).isEmpty();
        }
    }

    @Test
    void check_typos_nameTheKindOfTypo() {
        assertPoses("x/ngnix", "library/nginx", Technique.SWAPPED_CHARS);
        assertPoses("x/reddis", "library/redis", Technique.DOUBLED_CHAR);
        assertPoses("x/pyhon", "library/python", Technique.OMITTED_CHAR);
        assertPoses("x/ubintu", "library/ubuntu", Technique.KEYBOARD_ADJACENT);
        assertPoses("x/wordpriss", "library/wordpress", Technique.EDIT_DISTANCE);
    }

    @Test
    void check_lookAlikeCharacters_areLookAlike() {
        assertPoses("x/ng1nx", "library/nginx", Technique.LOOK_ALIKE);
        assertPoses("x/rnysql", "library/mysql", Technique.LOOK_ALIKE);
        assertPoses("x/vvordpress", "library/wordpress", Technique.LOOK_ALIKE);
    }

    @Test
    void check_separatorTricks_matchAliasesToo() {
        assertPoses("x/node-js", "library/node", Technique.SEPARATOR);
        assertPoses("x/node_js", "library/node", Technique.SEPARATOR);
        assertPoses("x/my-sql", "library/mysql", Technique.SEPARATOR);
    }

    @Test
    void check_trustAffixes_glued_orSeparated() {
        assertPoses("x/nginx-official", "library/nginx", Technique.TRUST_AFFIX);
        assertPoses("x/officalnginx", "library/nginx", Technique.TRUST_AFFIX);
        assertPoses("x/ubuntu-update", "library/ubuntu", Technique.TRUST_AFFIX);
        assertPoses("x/docker-ubuntu", "library/ubuntu", Technique.TRUST_AFFIX);
    }

    @Test
    void check_comboSquats_variantsAndVersions() {
        assertPoses("x/golang-alpine", "library/golang", Technique.COMBO_SQUAT);
        assertPoses("x/python3.11", "library/python", Technique.COMBO_SQUAT);
        assertPoses("x/eclipse-temurin-jdk", "library/eclipse-temurin", Technique.COMBO_SQUAT);
        assertPoses("x/pyhton-alpine", "library/python", Technique.COMBO_SQUAT);
    }

    @Test
    void check_productsBuiltOnAnOfficialImage_areNotCombos() {
        assertThat(CHECKER.check("jwilder/nginx-proxy")).isEmpty();
        assertThat(CHECKER.check("nikolaik/python-nodejs")).isEmpty();
        assertThat(CHECKER.check("tiangolo/uwsgi-nginx-flask")).isEmpty();
    }

    @Test
    void check_namespaceLookAlikes_poseAsTheRealOwner() {
        assertPoses("libary/nginx", "library/nginx", Technique.NAMESPACE_LOOK_ALIKE);
        assertPoses("docker-library/golang", "library/golang", Technique.NAMESPACE_LOOK_ALIKE);
        assertPoses("official/node", "library/node", Technique.NAMESPACE_LOOK_ALIKE);
        assertPoses("bitnamii/redis", "bitnami/redis", Technique.NAMESPACE_LOOK_ALIKE);
        assertPoses("grafana-labs/loki", "grafana/loki", Technique.NAMESPACE_LOOK_ALIKE);
        assertPoses("rancher-labs/rancher", "rancher/rancher", Technique.NAMESPACE_LOOK_ALIKE);
    }

    @Test
    void check_officialNameUnderStranger_isLowReuse() {
        Impersonation i = flagged("vibersastra/ubuntu");
        assertThat(i.technique()).isEqualTo(Technique.OFFICIAL_NAME_REUSE);
        assertThat(i.severity()).isEqualTo(Severity.LOW);
        assertThat(i.impersonates().reference()).isEqualTo("library/ubuntu");
    }

    @Test
    void check_imitationAlone_isMedium() {
        assertThat(flagged("x/ngnix").severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void check_publisherRepositoryWins_overRepackager() {
        assertThat(flagged("x/grafanna").impersonates().reference()).isEqualTo("grafana/grafana");
    }

    @Test
    void check_otherRegistries_reportImitationButNotReuse() {
        assertPoses("ghcr.io/x/ngnix", "library/nginx", Technique.SWAPPED_CHARS);
        assertThat(CHECKER.check("ghcr.io/linuxserver/nginx")).isEmpty();
        assertThat(CHECKER.check("public.ecr.aws/docker/library/nginx")).isEmpty();
    }

    @Test
    void check_allowList_silencesMirrorsOnly() throws Exception {
        AllowList allow = AllowList.parse(List.of("# our mirrors", "mirror.example.com/*", "myorg/nginx:ignored-tag"), "t");
        NameChecker checker = new NameChecker(BUILT_IN, allow);
        assertThat(checker.check("mirror.example.com/libary/ngnix")).isEmpty();
        assertThat(checker.check("myorg/nginx")).isEmpty();
        assertThat(checker.check("myorg/ngnix")).isPresent();
        assertThat(checker.check("other.example.com/x/ngnix")).isPresent();
    }

    @Test
    void check_userReferenceSet_replacesBuiltIn() {
        ReferenceSet own = new ReferenceSet(List.of(new OfficialImage("acmeapp", List.of())), List.of(), "test");
        NameChecker checker = new NameChecker(own);
        assertThat(checker.check("x/acmeap")).isPresent();
        assertThat(checker.check("x/ngnix")).isEmpty();
    }
}
