package io.shopops.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Builds the navigation a user sees: every module's entries the user's role may open,
 * grouped by section.
 * <p>
 * Whether a signed-in user may open a path is asked of the security rules once per set of
 * authorities and path, then remembered: every rule decides by role (or by being signed
 * in), so the answer cannot change for the same authorities. The paths asked about are
 * the navigation's and the work queues', so the memory stays small.
 */
@Component
class Navigation {

	private final List<NavigationItem> items;

	/** The security rules' evaluator, looked up once (every page asks it many times). */
	private final SingletonSupplier<WebInvocationPrivilegeEvaluator> privileges;

	private final ConcurrentMap<Decision, Boolean> decisions = new ConcurrentHashMap<>();

	Navigation(List<NavigationItem> items, ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
		this.items = items.stream()
			.sorted(Comparator.comparing(NavigationItem::section).thenComparingInt(NavigationItem::order))
			.toList();
		this.privileges = SingletonSupplier.of(privileges::getIfAvailable);
	}

	List<NavSection> visibleTo(Authentication user, String currentPath) {
		if (user == null) {
			return List.of();
		}
		Map<Section, List<NavLink>> sections = new EnumMap<>(Section.class);
		NavigationItem active = activeItem(currentPath);
		for (NavigationItem item : this.items) {
			if (canOpen(user, item.path())) {
				sections.computeIfAbsent(item.section(), (section) -> new ArrayList<>())
					.add(new NavLink(item.labelKey(), item.path(), item.icon(), item == active));
			}
		}
		return sections.entrySet()
			.stream()
			.map((entry) -> new NavSection(entry.getKey(), "nav.section." + entry.getKey().name().toLowerCase(),
					entry.getValue()))
			.toList();
	}

	boolean canOpen(Authentication user, String path) {
		WebInvocationPrivilegeEvaluator evaluator = this.privileges.get();
		if (evaluator == null) {
			return true;
		}
		int query = path.indexOf('?');
		String uri = (query >= 0) ? path.substring(0, query) : path;
		if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
			return evaluator.isAllowed(uri, user);
		}
		Set<String> authorities = user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet());
		return this.decisions.computeIfAbsent(new Decision(authorities, uri),
				(decision) -> evaluator.isAllowed(uri, user));
	}

	/**
	 * The entry whose path is the longest prefix of the current path.
	 */
	NavigationItem activeItem(String currentPath) {
		NavigationItem best = null;
		for (NavigationItem item : this.items) {
			boolean matches = item.path().equals("/") ? "/".equals(currentPath)
					: currentPath.equals(item.path()) || currentPath.startsWith(item.path() + "/");
			if (matches && (best == null || item.path().length() > best.path().length())) {
				best = item;
			}
		}
		return best;
	}

	private record Decision(Set<String> authorities, String uri) {
	}

	record NavSection(Section section, String labelKey, List<NavLink> links) {
	}

	record NavLink(String labelKey, String path, String icon, boolean active) {
	}

}
