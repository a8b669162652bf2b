package io.shopops.platform.web;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves the static files the application ships, and only those: webjars under
 * {@code /webjars/**} (version-less URLs resolved by the webjars locator), our own
 * stylesheets and scripts under {@code /css/**} and {@code /js/**} with a content hash in
 * their URL, images under {@code /images/**} and the favicon. Browsers keep all of them
 * for a year, since their URLs change when their content does.
 * <p>
 * Spring Boot's default would map {@code /**} to the static locations
 * ({@code spring.web.resources.add-mappings=false} turns it off). Thymeleaf's
 * {@code @{…}} passes every link through {@code response.encodeURL}, where the resource
 * chain rewrites static URLs; with {@code /**} every link of every page, such as
 * {@code /products?page=2}, matched the static mapping and was looked up in four
 * classpath locations in the nested jar — most of a page's rendering time. With these
 * mappings, a link outside them is left alone after a pattern match.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceConfiguration implements WebMvcConfigurer {

	/**
	 * The folders under {@code src/main/resources/static} and the URL each is served at.
	 * A new folder must be added here (a test checks that every folder is).
	 */
	static final List<String> FOLDERS = List.of("css", "js", "images");

	/**
	 * Folders whose files get a content hash in their URL.
	 */
	static final List<String> FINGERPRINTED = List.of("css", "js");

	static final String WEBJARS = "/webjars/**";

	static final String ROOT_FILES = "/favicon.*";

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(WEBJARS)
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR)
			// adds the webjars locator, which resolves version-less URLs
			.resourceChain(true);
		for (String folder : FOLDERS) {
			var chain = registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true);
			if (FINGERPRINTED.contains(folder)) {
				chain.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
			}
		}
		registry.addResourceHandler(ROOT_FILES)
			.addResourceLocations("classpath:/static/")
			.setCacheControl(A_YEAR)
			.resourceChain(true);
	}

}
