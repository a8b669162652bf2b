package io.shopops.platform.web;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Static files are served from their own folders, never from {@code /**}: every
 * {@code @{…}} link of a page goes through the resource chain's URL rewriting, and a
 * mapping that covers the application's own paths makes each link a classpath search
 * (issue 6: 70% of {@code /products}' time).
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaticResourceConfigurationTests {

	private static final List<String> APPLICATION_PATHS = List.of("/", "/products", "/products/42/edit", "/inventory",
			"/admin/users", "/admin/audit", "/imports/products", "/imports/7", "/account/password", "/login",
			"/logout");

	private final AntPathMatcher matcher = new AntPathMatcher();

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Autowired
	MockMvc mvc;

	@Test
	void noResourceMappingCoversTheApplicationsPages() {
		Map<String, ResourceHttpRequestHandler> mappings = this.resourceUrls.getHandlerMap();
		assertThat(mappings.keySet()).isNotEmpty().doesNotContain("/**", "/*");
		for (String pattern : mappings.keySet()) {
			for (String path : APPLICATION_PATHS) {
				assertThat(this.matcher.match(pattern, path)).as("%s matches %s", pattern, path).isFalse();
			}
		}
	}

	@Test
	void renderingAPageResolvesOnlyItsStaticFilesThroughTheResourceChain() throws Exception {
		Recorder recorder = new Recorder();
		this.resourceUrls.getHandlerMap()
			.values()
			.forEach((handler) -> handler.getResourceResolvers().add(0, recorder));
		try {
			this.mvc.perform(get("/products").with(user("u").roles("ADMIN"))).andExpect(status().isOk());
		}
		finally {
			this.resourceUrls.getHandlerMap()
				.values()
				.forEach((handler) -> handler.getResourceResolvers().remove(recorder));
		}
		// the layout's stylesheets, scripts and favicon; none of the page's dozens of
		// links
		assertThat(recorder.urlPaths).isNotEmpty()
			.hasSizeLessThanOrEqualTo(10)
			.allMatch((path) -> path.endsWith(".css") || path.endsWith(".js") || path.endsWith(".svg"),
					"a static file");
	}

	@Test
	void everyStaticFolderAndFileIsServed() throws Exception {
		File root = new ClassPathResource("static/").getFile();
		File[] entries = root.listFiles();
		assertThat(entries).isNotEmpty();
		for (File entry : entries) {
			String path = "/" + entry.getName() + (entry.isDirectory() ? "/any.file" : "");
			assertThat(this.resourceUrls.getHandlerMap().keySet().stream().anyMatch((p) -> this.matcher.match(p, path)))
				.as("a resource mapping serves %s (add its folder to StaticResourceConfiguration.FOLDERS)", path)
				.isTrue();
		}
		assertThat(Arrays.stream(entries).filter(File::isDirectory).map(File::getName))
			.allMatch(StaticResourceConfiguration.FOLDERS::contains);
	}

	@Test
	void ownFilesGetAContentHashAndWebjarsTheirVersion() throws Exception {
		assertThat(this.resourceUrls.getForLookupPath("/css/shopops.css")).matches("/css/shopops-[0-9a-f]{32}\\.css");
		assertThat(this.resourceUrls.getForLookupPath("/js/shopops.js")).matches("/js/shopops-[0-9a-f]{32}\\.js");
		assertThat(this.resourceUrls.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js"))
			.matches("/webjars/htmx\\.org/[0-9][^/]*/dist/htmx\\.min\\.js");
		assertThat(this.resourceUrls.getForLookupPath("/products")).isNull();
		String hashed = this.resourceUrls.getForLookupPath("/css/shopops.css");
		this.mvc.perform(get(hashed))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000, public"));
		this.mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/bootstrap/dist/js/bootstrap.bundle.min.js")).andExpect(status().isOk());
	}

	@Test
	void pagesLinkTheRewrittenStaticFiles() throws Exception {
		String page = this.mvc.perform(get("/products").with(user("u").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("src=\"/js/shopops-[0-9a-f]{32}\\.js\"")
			.containsPattern("href=\"/webjars/bootstrap/[0-9][^/]*/dist/css/bootstrap\\.min\\.css\"")
			.contains("href=\"/favicon.svg\"");
	}

	/**
	 * Records the URL paths the resource chain is asked to rewrite.
	 */
	static final class Recorder implements ResourceResolver {

		final List<String> urlPaths = new CopyOnWriteArrayList<>();

		@Override
		public Resource resolveResource(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return chain.resolveResource(request, requestPath, locations);
		}

		@Override
		public String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			this.urlPaths.add(resourcePath);
			return chain.resolveUrlPath(resourcePath, locations);
		}

	}

}
