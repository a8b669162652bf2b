package io.shopops.browser;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Finding the browser's executables, without starting one.
 */
class BrowserSupportTests {

	@Test
	void aMissingBrowserFailsWithAMessageSayingWhatToInstall(@TempDir Path empty) {
		assertThatIllegalStateException()
			.isThrownBy(() -> BrowserSupport.Chromium.executable("Chromium", "CHROMIUM_BIN", null,
					empty.resolve("chromium").toString()))
			.withMessageContaining("Chromium not found at " + empty.resolve("chromium"))
			.withMessageContaining("chromium-driver")
			.withMessageContaining("CHROMIUM_BIN");
	}

	@Test
	void theEnvironmentVariableWinsOverTheDebianPath(@TempDir Path empty) {
		assertThatIllegalStateException()
			.isThrownBy(() -> BrowserSupport.Chromium.executable("ChromeDriver", "CHROMEDRIVER_BIN", empty.toString(),
					"/bin/sh"))
			.withMessageContaining("ChromeDriver not found at " + empty + " (from CHROMEDRIVER_BIN)");
		assertThat(BrowserSupport.Chromium.executable("ChromeDriver", "CHROMEDRIVER_BIN", "/bin/sh", "/nowhere"))
			.isEqualTo(Path.of("/bin/sh"));
		assertThat(BrowserSupport.Chromium.executable("ChromeDriver", "CHROMEDRIVER_BIN", " ", "/bin/sh"))
			.isEqualTo(Path.of("/bin/sh"));
	}

}
