package io.shopops.platform.web;

import java.util.List;
import java.util.Map;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.ShopSettings;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Puts what the layout needs into every page's model: shop name, version, the user and
 * their navigation, the current section for the breadcrumb, the flashed success or error
 * message.
 */
@ControllerAdvice
class LayoutAdvice {

	private final ShopSettings settings;

	private final Navigation navigation;

	private final String version;

	LayoutAdvice(ShopSettings settings, Navigation navigation, @Value("${shopops.version:dev}") String version) {
		this.settings = settings;
		this.navigation = navigation;
		this.version = version;
	}

	/**
	 * The layout of a page; none for a handler that answers a body rather than a page
	 * (the JSON API among them, where the navigation would be worked out for nothing on
	 * every call).
	 */
	@ModelAttribute("layout")
	Layout layout(HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
				&& (handler.hasMethodAnnotation(ResponseBody.class)
						|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class))) {
			return null;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
		if (forwarded instanceof String original) {
			path = original.substring(request.getContextPath().length());
		}
		String role = signedIn ? authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring(5))
			.findFirst()
			.orElse("") : "";
		List<Navigation.NavSection> sections = signedIn ? this.navigation.visibleTo(authentication, path) : List.of();
		NavigationItem active = this.navigation.activeItem(path);
		if (active != null && (!signedIn || !this.navigation.canOpen(authentication, active.path()))) {
			// the 403 page of an address the user may not open shows no breadcrumb into
			// that section
			active = null;
		}
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		var shop = this.settings.current();
		return new Layout(shop.shopName(), shop.currency().getCurrencyCode(), this.version, signedIn,
				signedIn ? authentication.getName() : null, role, sections,
				(active != null) ? "nav.section." + active.section().name().toLowerCase() : null,
				(active != null) ? active.labelKey() : null, (active != null) ? active.path() : null, path,
				flashKey(flash, "message"), flashKey(flash, "error"));
	}

	/**
	 * The message key a controller flashed with
	 * {@code redirect.addFlashAttribute("message" or "error", key)}. Only the flash map
	 * is read: model attributes of the same names, such as the {@code error} reason
	 * phrase Spring Boot gives error pages, are not flash messages.
	 */
	private static String flashKey(Map<String, ?> flash, String name) {
		return (flash != null && flash.get(name) instanceof String key) ? key : null;
	}

	/**
	 * The layout's model.
	 */
	record Layout(String shopName, String currency, String version, boolean signedIn, String username, String role,
			List<Navigation.NavSection> navigation, String sectionKey, String pageKey, String pagePath,
			String currentPath, String flashMessage, String flashError) {
	}

}
