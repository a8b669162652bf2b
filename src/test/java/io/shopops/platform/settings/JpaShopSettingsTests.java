package io.shopops.platform.settings;

import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The shop profile every page shows is read from memory, and a saved change is shown from
 * the next request on.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JpaShopSettingsTests {

	@Autowired
	JpaShopSettings settings;

	@Autowired
	ShopSettings shopSettings;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Test
	void aSavedChangeIsShownOnTheNextPage() throws Exception {
		SettingsForm original = this.settings.form();
		assertThat(page()).contains(">" + original.shopName() + "<");
		try {
			save(new SettingsForm("Cached Shop " + System.nanoTime(), "Europe/Berlin", "eur", original.version()));
			SettingsForm changed = this.settings.form();
			assertThat(this.shopSettings.current().shopName()).isEqualTo(changed.shopName());
			assertThat(this.shopSettings.current().currency().getCurrencyCode()).isEqualTo("EUR");
			assertThat(this.shopSettings.current().timeZone().getId()).isEqualTo("Europe/Berlin");
			assertThat(page()).contains(">" + changed.shopName() + "<");
		}
		finally {
			save(new SettingsForm(original.shopName(), original.timeZone(), original.currency(),
					this.settings.form().version()));
		}
		assertThat(this.shopSettings.current().shopName()).isEqualTo(original.shopName());
		assertThat(page()).contains(">" + original.shopName() + "<");
	}

	@Test
	void aRolledBackChangeIsNotShown() {
		SettingsForm original = this.settings.form();
		assertThat(this.shopSettings.current().shopName()).isEqualTo(original.shopName());
		this.transactions.executeWithoutResult((status) -> {
			this.settings
				.change(new SettingsForm("Never Saved", original.timeZone(), original.currency(), original.version()));
			status.setRollbackOnly();
		});
		assertThat(this.shopSettings.current().shopName()).isEqualTo(original.shopName());
		assertThat(this.settings.form().shopName()).isEqualTo(original.shopName());
	}

	private void save(SettingsForm form) throws Exception {
		this.mvc
			.perform(post("/admin/settings").with(user("root").roles("ADMIN"))
				.with(csrf())
				.param("shopName", form.shopName())
				.param("timeZone", form.timeZone())
				.param("currency", form.currency())
				.param("version", Long.toString(form.version())))
			.andExpect(redirectedUrl("/admin/settings"));
	}

	private String page() throws Exception {
		return this.mvc.perform(get("/").with(user("ann").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
