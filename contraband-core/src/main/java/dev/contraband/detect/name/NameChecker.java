package dev.contraband.detect.name;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges whether an image name poses as a trusted one. Built once from a reference set (the indexes are
 * precomputed), then cheap for each name and safe to share between threads.
 * <p>
 * On Docker Hub the namespace is checked first: a trusted one (a publisher's) is never reported; one that imitates a
 * trusted namespace ({@code libary/}, {@code bitnamii/}) is, whatever the repository; under any other namespace the
 * repository is compared with the official images and the publishers' main repositories. On other registries
 * namespaces mean nothing Docker Hub vouches for, so only the repository's imitation of a reference name counts
 * ({@code ghcr.io/x/ngnix}), not plain reuse ({@code ghcr.io/linuxserver/nginx}).
 */
public final class NameChecker {
    // Namespace words that claim Docker's own endorsement; on their own ("docker-official") they pose as library/.
    private static final Set<String> ENDORSING = Set.of("official", "offical", "oficial", "officials", "docker",
            "dockerhub", "library", "verified", "secure", "trusted");
    private static final Target LIBRARY = new Target(ImageName.LIBRARY, null);

    private final NameMatcher repositories;
    private final NameMatcher namespaces;
    private final Set<String> trustedNamespaces = new HashSet<>();
    private final Set<String> officialNames = new HashSet<>();
    private final Set<String> listedRepositories = new HashSet<>();
    private final AllowList allowList;

    public NameChecker(ReferenceSet references, AllowList allowList) {
        this.allowList = allowList;
        NameIndex repos = new NameIndex();
        NameIndex spaces = new NameIndex();
        spaces.add(ImageName.LIBRARY, LIBRARY);
        trustedNamespaces.add(ImageName.LIBRARY);
        for (OfficialImage image : references.officialImages()) {
            Target t = new Target(ImageName.LIBRARY, image.name());
            repos.add(image.name(), t);
            officialNames.add(image.name());
            image.aliases().forEach(a -> repos.add(a, t));
        }
        for (Publisher p : references.publishers()) {
            spaces.add(p.namespace(), new Target(p.namespace(), null));
            trustedNamespaces.add(p.namespace());
            for (String r : p.repositories()) {
                repos.add(r, new Target(p.namespace(), r));
                listedRepositories.add(p.namespace() + "/" + r);
            }
        }
        this.repositories = new NameMatcher(repos, false);
        this.namespaces = new NameMatcher(spaces, true);
    }

    public NameChecker(ReferenceSet references) {
        this(references, AllowList.EMPTY);
    }

    /**
     * @throws IllegalArgumentException when {@code name} is not a valid image reference
     */
    public Optional<Impersonation> check(String name) {
        return check(ImageName.parse(name));
    }

    public Optional<Impersonation> check(ImageName name) {
        if (allowList.allows(name)) {
            return Optional.empty();
        }
        String repo = name.repository();
        String ns = name.namespace();
        if (!name.onDockerHub() || ns.equals(ImageName.LIBRARY)) {
            return imitation(name, repo);
        }
        if (trustedNamespaces.contains(ns)) {
            return Optional.empty();
        }
        Match space = namespaceImitation(ns);
        if (space != null) {
            Target poses = posesAs(space.target(), repo);
            String how = space.matched().equals(ns) ? "made of words claiming Docker's endorsement: "
                    + String.join(", ", space.attached()) : Details.of(ns, space);
            return Optional.of(new Impersonation(name, poses, Technique.NAMESPACE_LOOK_ALIKE,
                    "namespace " + ns + " imitates " + space.target().namespace() + " (" + how + ")"));
        }
        Match exact = repositories.exact(repo);
        if (exact != null) {
            String whose = exact.target().official() ? "the official image" : exact.target().reference();
            return Optional.of(new Impersonation(name, exact.target(), Technique.OFFICIAL_NAME_REUSE,
                    repo + " is the name of " + whose + ", here under the unrelated namespace " + ns));
        }
        return imitation(name, repo);
    }

    private Optional<Impersonation> imitation(ImageName name, String repo) {
        Match m = repositories.imitation(repo);
        return m == null ? Optional.empty()
                : Optional.of(new Impersonation(name, m.target(), m.technique(), Details.of(repo, m)));
    }

    private Match namespaceImitation(String ns) {
        Match m = namespaces.imitation(ns);
        if (m != null) {
            return m;
        }
        // "docker-official", "officialimages": nothing but endorsement words poses as Docker's own library; so does
        // endorsement around an official image's name ("golang-official/golang").
        List<String> tokens = Words.tokens(ns, true);
        List<String> rest = tokens.stream().filter(t -> !Words.removable(t, true)).toList();
        boolean endorsed = tokens.stream().anyMatch(ENDORSING::contains);
        if (endorsed && (rest.isEmpty() || rest.size() == 1 && officialNames.contains(rest.getFirst()))) {
            // matched = the namespace itself marks this kind for the message.
            return new Match(LIBRARY, Technique.TRUST_AFFIX, ns,
                    tokens.stream().filter(t -> !rest.contains(t)).toList(), null);
        }
        return null;
    }

    /**
     * What a name under a look-alike namespace poses as: the imitated namespace with the repository, except that
     * names posing as Docker itself (library/, docker/) pose as whoever really owns the repository.
     */
    private Target posesAs(Target namespace, String repo) {
        Match owner = repositories.exact(repo);
        boolean docker = namespace.namespace().equals(ImageName.LIBRARY) || namespace.namespace().equals("docker");
        if (!docker) {
            // rancher-labs/rancher poses as rancher/rancher, which lists it; bitnamii/python as bitnami/python, since
            // an official image's name under a publisher's look-alike still borrows the publisher's trust.
            boolean listed = listedRepositories.contains(namespace.namespace() + "/" + repo);
            return owner != null && !listed && !owner.target().official()
                    ? owner.target() : new Target(namespace.namespace(), repo);
        }
        if (owner == null) {
            owner = repositories.imitation(repo);
        }
        return owner != null ? owner.target() : new Target(ImageName.LIBRARY, repo);
    }
}
