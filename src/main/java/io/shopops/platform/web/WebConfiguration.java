package io.shopops.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language selection, the screening of requests, the page layout and the platform's own
 * navigation entries.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	/**
	 * The browser's language decides until the user picks one with {@code ?lang=zh-CN} or
	 * {@code ?lang=en}; the choice is kept in a cookie. Any Chinese variant maps to 简体中文,
	 * anything else to English.
	 */
	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("shopops-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction((request) -> supported(request.getLocale()));
		return resolver;
	}

	static Locale supported(Locale locale) {
		return (locale != null && "zh".equals(locale.getLanguage())) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
	}

	/**
	 * Screens every request right after the character encoding is set (so parameters are
	 * decoded as UTF-8) and before Spring Security, so that even the login is covered.
	 */
	@Bean
	FilterRegistrationBean<RequestScreeningFilter> requestScreeningFilter() {
		FilterRegistrationBean<RequestScreeningFilter> registration = new FilterRegistrationBean<>(
				new RequestScreeningFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	/**
	 * The {@code layout:} attributes of the templates (see {@link LayoutDialect}).
	 */
	@Bean
	LayoutDialect layoutDialect() {
		return new LayoutDialect();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	@Bean
	NavigationItem homeNavigation() {
		return new NavigationItem(Section.HOME, 0, "nav.home", "/", "house");
	}

	@Bean
	NavigationItem usersNavigation() {
		return new NavigationItem(Section.ADMIN, 10, "nav.users", "/admin/users", "people");
	}

	@Bean
	NavigationItem settingsNavigation() {
		return new NavigationItem(Section.ADMIN, 80, "nav.settings", "/admin/settings", "gear");
	}

	@Bean
	NavigationItem auditNavigation() {
		return new NavigationItem(Section.ADMIN, 90, "nav.audit", "/admin/audit", "journal-text");
	}

}
