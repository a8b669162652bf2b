package io.shopops.growth.creator;

import java.time.LocalDate;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The creator pages: operators add creators (contacts masked for them, in full for
 * managers), cooperations and samples; only managers record payouts; the leaderboard and
 * its formula-safe CSV.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CreatorPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inventory inventory;

	@Autowired
	ShopSettings settings;

	@Test
	void operatorsAddACreatorSeeItsContactMaskedAndFindItInTheList() throws Exception {
		this.mvc.perform(as("OPERATOR", post("/content/creators/new")).param("platform", "DOUYIN").param("handle", " "))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("creatorForm", "handle", "NotBlank"));
		this.mvc
			.perform(as("OPERATOR", post("/content/creators/new")).param("platform", "DOUYIN")
				.param("handle", "someone")
				.param("followers", "many"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("creatorForm", "followers", "typeMismatch"))
			.andExpect(content().string(containsString("Use a whole number from 0 to 10,000,000,000.")));
		String handle = CreatorFixtures.unique("meimei_");
		long id = createCreator(handle);
		this.mvc
			.perform(as("OPERATOR", post("/content/creators/new")).param("platform", "XIAOHONGSHU")
				.param("handle", "@" + handle.toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("creatorForm", "handle", "creator.form.handle.taken"));

		this.mvc.perform(as("OPERATOR", get("/content/creators/" + id)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("138****5678")))
			.andExpect(content().string(not(containsString("13812345678"))))
			.andExpect(content().string(containsString("id=\"cooperations-none\"")))
			.andExpect(content().string(not(containsString("id=\"payout-form\""))))
			.andExpect(content().string(containsString("data-confirm=")));
		this.mvc.perform(as("MANAGER", get("/content/creators/" + id)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("13812345678")))
			.andExpect(content().string(containsString("id=\"payout-form\"")));

		// an operator saves the form with the masked contact: the stored one is kept
		long version = this.jdbc.sql("SELECT version FROM creator WHERE id = ?").param(id).query(Long.class).single();
		this.mvc
			.perform(as("OPERATOR", post("/content/creators/" + id)).param("platform", "XIAOHONGSHU")
				.param("handle", handle)
				.param("followers", "250000")
				.param("contact", "138****5678")
				.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/content/creators/" + id));
		assertThat(this.jdbc.sql("SELECT contact || '/' || followers FROM creator WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("13812345678/250000");

		this.mvc.perform(as("OPERATOR", get("/content/creators")).param("q", handle))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"creator-table\"")))
			.andExpect(content().string(containsString(handle)))
			.andExpect(content().string(containsString("138****5678")));
		this.mvc.perform(as("OPERATOR", get("/content/creators")).param("q", "没有这个达人" + handle))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"creator-table\""))))
			.andExpect(content().string(containsString("empty-state")));
		this.mvc.perform(as("OPERATOR", get("/content/creators")).param("platform", "NOPE").param("page", "-3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"filter-warning\"")));

		this.mvc.perform(as("OPERATOR", post("/content/creators/" + id + "/archive")))
			.andExpect(redirectedUrl("/content/creators/" + id));
		this.mvc.perform(as("OPERATOR", get("/content/creators")).param("q", handle).param("archived", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(handle)));
		this.mvc.perform(as("OPERATOR", get("/content/creators/99999999999"))).andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'creator' AND object_id = ?")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).contains("CREATOR_CREATED", "CREATOR_UPDATED", "CREATOR_ARCHIVED");
	}

	@Test
	void operatorsRecordCooperationsAndSamplesAndTooLittleStockSavesNothing() throws Exception {
		long creator = createCreator(CreatorFixtures.unique("coop_"));
		String sku = CreatorFixtures.sku(this.jdbc, this.inventory, "20.00", 2);
		this.mvc
			.perform(as("OPERATOR", post("/content/creators/" + creator + "/cooperations/new")).param("title", "双12 种草")
				.param("type", "FIXED_FEE")
				.param("status", "ACTIVE")
				.param("startsOn", today().toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("cooperationForm", "fixedFee",
					"creator.cooperation.form.fixedFee.required"));
		this.mvc
			.perform(as("OPERATOR", post("/content/creators/" + creator + "/cooperations/new")).param("title", "双12 种草")
				.param("type", "COMMISSION")
				.param("status", "ACTIVE")
				.param("startsOn", today().toString())
				.param("endsOn", today().minusDays(1).toString())
				.param("commissionRate", "15"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("cooperationForm", "endsOn",
					"creator.cooperation.form.endsOn.beforeStart"));
		String location = this.mvc
			.perform(as("OPERATOR", post("/content/creators/" + creator + "/cooperations/new")).param("title", "双12 种草")
				.param("type", "COMMISSION")
				.param("status", "ACTIVE")
				.param("startsOn", today().toString())
				.param("commissionRate", "15"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/content/creators/cooperations/");
		this.mvc.perform(as("OPERATOR", get(location)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sample-form\"")))
			.andExpect(content().string(containsString("id=\"samples-none\"")));

		this.mvc
			.perform(as("OPERATOR", post(location + "/samples")).param("sku", sku)
				.param("quantity", "3")
				.param("warehouse", "MAIN")
				.param("sentOn", today().toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("sampleForm", "quantity",
					"creator.sample.form.quantity.insufficient"))
			.andExpect(content().string(containsString("Not enough stock: " + sku + " has 2 available in MAIN.")));
		long cooperation = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.jdbc.sql("SELECT count(*) FROM creator_sample WHERE cooperation_id = ?")
			.param(cooperation)
			.query(Long.class)
			.single()).isZero();
		this.mvc
			.perform(as("OPERATOR", post(location + "/samples")).param("sku", sku)
				.param("quantity", "2")
				.param("warehouse", "MAIN")
				.param("sentOn", today().toString()))
			.andExpect(redirectedUrl(location));
		this.mvc.perform(as("OPERATOR", get(location)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sample-table\"")))
			.andExpect(content().string(containsString("40.00")));
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().onHand()).isZero();
		this.mvc.perform(as("OPERATOR", get(location + "/edit")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"cooperation-form\"")));
	}

	@Test
	void onlyManagersRecordPayouts() throws Exception {
		long creator = createCreator(CreatorFixtures.unique("payee_"));
		this.mvc
			.perform(as("OPERATOR", post("/content/creators/" + creator + "/cooperations/new")).param("title", "探店视频")
				.param("type", "FIXED_FEE")
				.param("status", "ACTIVE")
				.param("startsOn", today().toString())
				.param("fixedFee", "800"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(as("OPERATOR", post("/content/creators/" + creator + "/ledger")).param("kind", "PAYOUT")
				.param("date", today().toString())
				.param("amount", "100"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(as("MANAGER", post("/content/creators/" + creator + "/ledger")).param("kind", "PAYOUT")
				.param("date", today().toString())
				.param("amount", "900"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("payoutForm", "amount",
					"creator.payout.form.amount.aboveBalance"));
		this.mvc
			.perform(as("MANAGER", post("/content/creators/" + creator + "/ledger")).param("kind", "PAYOUT")
				.param("date", today().toString())
				.param("amount", "abc"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("payoutForm", "amount", "typeMismatch"));
		this.mvc
			.perform(as("ADMIN", post("/content/creators/" + creator + "/ledger")).param("kind", "PAYOUT")
				.param("date", today().toString())
				.param("amount", "500")
				.param("reference", "支付宝 20261203"))
			.andExpect(redirectedUrl("/content/creators/" + creator + "#ledger"));
		this.mvc.perform(as("OPERATOR", get("/content/creators/" + creator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"ledger-table\"")))
			.andExpect(content().string(containsString("支付宝 20261203")))
			.andExpect(content().string(containsString("300.00")));
	}

	@Test
	void theLeaderboardRanksCreatorsAndExportsAFormulaSafeCsv() throws Exception {
		String handle = "=HYPERLINK" + CreatorFixtures.unique("");
		long creator = createCreator(handle);
		this.mvc
			.perform(as("OPERATOR", post("/content/creators/" + creator + "/cooperations/new")).param("title", "寄样测评")
				.param("type", "SAMPLE")
				.param("status", "ACTIVE")
				.param("startsOn", today().toString()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(as("OPERATOR", get("/content/creators/leaderboard")).param("sort", "ROI"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"leaderboard-table\"")))
			.andExpect(content().string(containsString(handle)));
		this.mvc
			.perform(as("OPERATOR", get("/content/creators/leaderboard")).param("from", "2026-99-01")
				.param("to", "1900-01-01")
				.param("sort", "SIDEWAYS"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"filter-warning\"")));
		String csv = this.mvc
			.perform(as("OPERATOR", get("/content/creators/leaderboard.csv")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("creators-")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFRank,Platform,Handle,Name,Category,Followers,Orders,GMV")
			.contains("'" + handle)
			.doesNotContain("," + handle);
	}

	private long createCreator(String handle) throws Exception {
		String location = this.mvc
			.perform(as("OPERATOR", post("/content/creators/new")).param("platform", "XIAOHONGSHU")
				.param("handle", handle)
				.param("displayName", "美美")
				.param("followers", "120000")
				.param("category", "美妆")
				.param("contact", "13812345678"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private LocalDate today() {
		return LocalDate.now(this.settings.current().timeZone());
	}

	private static MockHttpServletRequestBuilder as(String role, MockHttpServletRequestBuilder request) {
		return request.with(user(role.toLowerCase() + "-creator-pages").roles(role)).with(csrf());
	}

}
