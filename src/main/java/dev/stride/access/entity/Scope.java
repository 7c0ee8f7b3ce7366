package dev.stride.access.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a token may do: {@code read} every GET of sessions and statistics, {@code write} POST and
 * DELETE of sessions, {@code admin} act for every user and manage every user's tokens. Acting for
 * every user includes reading and writing for them, so {@code admin} gives the roles of all three.
 */
public enum Scope {
  READ(Roles.READ),
  WRITE(Roles.WRITE),
  ADMIN(Roles.ADMIN);

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  /** "must be read, write or admin". */
  public static final String RULE =
      "must be "
          + Arrays.stream(values())
              .limit(values().length - 1L)
              .map(Scope::wireName)
              .collect(Collectors.joining(", "))
          + " or "
          + values()[values().length - 1].wireName;

  public String wireName() {
    return wireName;
  }

  public static Optional<Scope> fromWireName(String name) {
    return Arrays.stream(values()).filter(scope -> scope.wireName.equals(name)).findFirst();
  }

  /**
   * The roles these scopes give: their own names, all three with admin, and {@link Roles#TOKEN}.
   * Asked on every request (the identity store, the JAX-RS security context), so every answer is
   * made once, here, for each of the few sets of scopes there are.
   */
  public static Set<String> roles(Set<Scope> scopes) {
    return ROLES.get(scopes);
  }

  private static final Map<Set<Scope>, Set<String>> ROLES = rolesOfEverySet();

  private static Map<Set<Scope>, Set<String>> rolesOfEverySet() {
    Map<Set<Scope>, Set<String>> roles = new HashMap<>();
    Scope[] all = values();
    for (int subset = 0; subset < 1 << all.length; subset++) {
      Set<Scope> scopes = EnumSet.noneOf(Scope.class);
      for (int i = 0; i < all.length; i++) {
        if ((subset & 1 << i) != 0) {
          scopes.add(all[i]);
        }
      }
      Set<Scope> granted = scopes.contains(ADMIN) ? EnumSet.allOf(Scope.class) : scopes;
      Set<String> names = granted.stream().map(Scope::wireName).collect(Collectors.toSet());
      names.add(Roles.TOKEN);
      roles.put(Set.copyOf(scopes), Set.copyOf(names));
    }
    return Map.copyOf(roles);
  }
}
