package io.shopops.platform.web;

import java.util.ArrayList;
import java.util.List;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationTests {

	private final List<String> asked = new ArrayList<>();

	private final WebInvocationPrivilegeEvaluator rules = new WebInvocationPrivilegeEvaluator() {

		@Override
		public boolean isAllowed(String uri, Authentication authentication) {
			NavigationTests.this.asked.add(uri);
			boolean admin = authentication.getAuthorities()
				.stream()
				.anyMatch((authority) -> authority.getAuthority().equals("ROLE_ADMIN"));
			return !uri.startsWith("/admin") || admin;
		}

		@Override
		public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
			return isAllowed(uri, authentication);
		}

	};

	private final Navigation navigation = new Navigation(
			List.of(new NavigationItem(Section.HOME, 0, "nav.home", "/", "house"),
					new NavigationItem(Section.FULFILMENT, 10, "nav.products", "/products", "box"),
					new NavigationItem(Section.ADMIN, 10, "nav.users", "/admin/users", "people")),
			beans(this.rules));

	@Test
	void asksTheSecurityRulesOncePerRoleAndPath() {
		Authentication operator = user("ann", "ROLE_OPERATOR");
		assertThat(links(this.navigation.visibleTo(operator, "/products"))).containsExactly("/", "/products");
		assertThat(this.asked).containsExactly("/", "/products", "/admin/users");
		// another request of the same role, and another user with it: no new question
		this.navigation.visibleTo(operator, "/");
		this.navigation.visibleTo(user("bob", "ROLE_OPERATOR"), "/");
		assertThat(this.navigation.canOpen(operator, "/products?status=ACTIVE")).isTrue();
		assertThat(this.asked).hasSize(3);
		// another role is asked for itself
		assertThat(links(this.navigation.visibleTo(user("root", "ROLE_ADMIN"), "/"))).containsExactly("/", "/products",
				"/admin/users");
		assertThat(this.asked).hasSize(6);
	}

	@Test
	void marksTheActiveEntryPerRequest() {
		Authentication operator = user("ann", "ROLE_OPERATOR");
		assertThat(active(this.navigation.visibleTo(operator, "/products/7/edit"))).containsExactly("/products");
		assertThat(active(this.navigation.visibleTo(operator, "/"))).containsExactly("/");
	}

	@Test
	void doesNotRememberAnswersForAnonymousUsers() {
		Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymous",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		this.navigation.canOpen(anonymous, "/products");
		this.navigation.canOpen(anonymous, "/products");
		assertThat(this.asked).containsExactly("/products", "/products");
	}

	private static Authentication user(String name, String... authorities) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "n/a",
				AuthorityUtils.createAuthorityList(authorities));
	}

	private static List<String> links(List<Navigation.NavSection> sections) {
		return sections.stream().flatMap((section) -> section.links().stream()).map(Navigation.NavLink::path).toList();
	}

	private static List<String> active(List<Navigation.NavSection> sections) {
		return sections.stream()
			.flatMap((section) -> section.links().stream())
			.filter(Navigation.NavLink::active)
			.map(Navigation.NavLink::path)
			.toList();
	}

	private static org.springframework.beans.factory.ObjectProvider<WebInvocationPrivilegeEvaluator> beans(
			WebInvocationPrivilegeEvaluator evaluator) {
		StaticListableBeanFactory factory = new StaticListableBeanFactory();
		factory.addBean("privileges", evaluator);
		return factory.getBeanProvider(WebInvocationPrivilegeEvaluator.class);
	}

}
