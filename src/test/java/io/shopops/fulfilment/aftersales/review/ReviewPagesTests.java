package io.shopops.fulfilment.aftersales.review;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review pages: entry with validation in both languages, the list and its filters,
 * reply and edit, hide and show, "make a ticket" once, the ratings by product, the
 * product form's summary, the home card and who may open them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String sku;

	long productId;

	String channel;

	@BeforeEach
	void product() {
		this.sku = ReviewFixtures.unique("RVP");
		this.productId = ReviewFixtures.product(this.jdbc, this.sku, this.sku.toLowerCase(), "评价页面测试 " + this.sku);
		this.channel = ReviewFixtures.channel(this.jdbc);
	}

	@Test
	void operatorsEnterAReviewWithValidationInBothLanguages() throws Exception {
		page(get("/after-sales/reviews/new"));
		this.mvc
			.perform(operator(post("/after-sales/reviews/new")).param("sku", "")
				.param("rating", "9")
				.param("body", "")
				.param("reviewedOn", "not-a-date")
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入 SKU。")))
			.andExpect(content().string(containsString("请选择 1 到 5 星的评分。")))
			.andExpect(content().string(containsString("请输入顾客的评价内容。")))
			.andExpect(content().string(containsString("请输入日期，例如 2026-12-31。")));
		this.mvc
			.perform(operator(post("/after-sales/reviews/new")).param("sku", "NO-SUCH-SKU")
				.param("rating", "2")
				.param("body", "Bad")
				.param("reviewedOn", LocalDate.now().plusDays(3).toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("reviewForm", "reviewedOn", "PastOrPresent"))
			.andExpect(content().string(containsString("cannot be in the future")));
		this.mvc
			.perform(operator(post("/after-sales/reviews/new")).param("sku", "NO-SUCH-SKU")
				.param("rating", "2")
				.param("body", "Bad")
				.param("reviewedOn", LocalDate.now().toString()))
			.andExpect(model().attributeHasFieldErrorCode("reviewForm", "sku", "reviews.form.sku.unknown"));
		this.mvc
			.perform(operator(post("/after-sales/reviews/new")).param("sku", this.sku)
				.param("rating", "2")
				.param("body", "Bad")
				.param("orderNumber", "X-1")
				.param("reviewedOn", LocalDate.now().toString()))
			.andExpect(model().attributeHasFieldErrorCode("reviewForm", "channel", "reviews.form.channel.forOrder"));
		this.mvc
			.perform(operator(post("/after-sales/reviews/new")).param("sku", this.sku)
				.param("channel", this.channel)
				.param("rating", "2")
				.param("body", "Bad")
				.param("orderNumber", "X-1")
				.param("reviewedOn", LocalDate.now().toString()))
			.andExpect(model().attributeHasFieldErrorCode("reviewForm", "orderNumber",
					"reviews.form.orderNumber.unknown"));
		String number = ReviewFixtures.unique("SO");
		long order = ReviewFixtures.order(this.jdbc, this.channel, number, this.sku);
		long id = create(this.sku, 1, "面料起球严重", number);
		assertThat(this.jdbc.sql("SELECT order_id FROM review WHERE id = ?").param(id).query(Long.class).single())
			.isEqualTo(order);
		assertThat(audits(id, "REVIEW_CREATED")).isOne();
		assertThat(page(get("/after-sales/reviews/" + id))).contains("面料起球严重", "id=\"attention-badge\"",
				"id=\"make-ticket\"", number);
	}

	@Test
	void theListFiltersAndBadgesBadReviews() throws Exception {
		long bad = create(this.sku, 2, "尺码偏小", null);
		long good = create(this.sku, 5, "非常满意", null);
		String list = page(get("/after-sales/reviews").param("product", this.sku));
		assertThat(list).contains("尺码偏小", "非常满意", "id=\"review-table\"", "Needs an answer")
			.doesNotContain("No reviews yet");
		assertThat(page(get("/after-sales/reviews").param("product", this.sku).param("bad", "all"))).contains("尺码偏小")
			.doesNotContain("非常满意");
		assertThat(page(get("/after-sales/reviews").param("product", this.sku).param("rating", "5"))).contains("非常满意")
			.doesNotContain("尺码偏小");
		assertThat(page(get("/after-sales/reviews").param("product", this.sku).param("replied", "yes")))
			.contains("No review matches")
			.doesNotContain("id=\"review-table\"");
		assertThat(page(get("/after-sales/reviews").param("product", this.sku).param("bad", "open"))).contains("尺码偏小");
		assertThat(page(get("/after-sales/reviews").param("rating", "nine").param("bad", "worst").param("page", "x")))
			.contains("could not be read");
		assertThat(page(get("/after-sales/reviews").param("product", this.sku).param("page", "99"))).contains("尺码偏小");
		assertThat(good).isNotEqualTo(bad);
	}

	@Test
	void operatorsReplyEditTheReplyHideAndShow() throws Exception {
		long id = create(this.sku, 2, "物流太慢", null);
		this.mvc
			.perform(operator(post("/after-sales/reviews/" + id + "/reply")).param("reply", " ").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write the reply.")));
		this.mvc
			.perform(operator(post("/after-sales/reviews/" + id + "/reply")).param("reply", "好").param("version", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The page was out of date")));
		this.mvc
			.perform(operator(post("/after-sales/reviews/" + id + "/reply")).param("reply", "抱歉让您久等了")
				.param("version", "0"))
			.andExpect(redirectedUrl("/after-sales/reviews/" + id))
			.andExpect(flash().attribute("message", "reviews.flash.replied"));
		assertThat(page(get("/after-sales/reviews/" + id))).contains("抱歉让您久等了").doesNotContain("attention-badge");
		// a stale version is a conflict, never a silent overwrite
		this.mvc
			.perform(
					operator(post("/after-sales/reviews/" + id + "/reply")).param("reply", "旧页面").param("version", "0"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(operator(post("/after-sales/reviews/" + id + "/reply")).param("reply", "已为您升级顺丰")
				.param("version", "1"))
			.andExpect(flash().attribute("message", "reviews.flash.replyEdited"));
		assertThat(audits(id, "REVIEW_REPLIED")).isOne();
		assertThat(audits(id, "REVIEW_REPLY_EDITED")).isOne();
		assertThat(page(get("/after-sales/reviews/" + id))).contains("data-confirm=", "id=\"hide-review\"");
		this.mvc.perform(operator(post("/after-sales/reviews/" + id + "/hide")))
			.andExpect(flash().attribute("message", "reviews.flash.hidden"));
		assertThat(page(get("/after-sales/reviews").param("product", this.sku))).doesNotContain("物流太慢");
		assertThat(page(get("/after-sales/reviews").param("product", this.sku).param("hidden", "yes")))
			.contains("物流太慢");
		this.mvc.perform(operator(post("/after-sales/reviews/" + id + "/unhide")))
			.andExpect(flash().attribute("message", "reviews.flash.unhidden"));
		assertThat(audits(id, "REVIEW_HIDDEN")).isOne();
		assertThat(audits(id, "REVIEW_UNHIDDEN")).isOne();
	}

	@Test
	void aBadReviewBecomesOneTicket() throws Exception {
		long openBefore = openBad();
		long id = create(this.sku, 1, "收到就是坏的", null);
		assertThat(openBad()).isEqualTo(openBefore + 1);
		this.mvc.perform(operator(post("/after-sales/reviews/" + id + "/ticket")))
			.andExpect(redirectedUrl("/after-sales/reviews/" + id))
			.andExpect(flash().attribute("message", "reviews.flash.ticketOpened"));
		long ticket = this.jdbc.sql("SELECT ticket_id FROM review WHERE id = ?").param(id).query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT source || ' ' || source_reference || ' ' || priority FROM ticket WHERE id = ?")
			.param(ticket)
			.query(String.class)
			.single()).isEqualToIgnoringCase("review " + id + " urgent");
		assertThat(page(get("/after-sales/reviews/" + id))).contains("/after-sales/tickets/" + ticket)
			.doesNotContain("id=\"make-ticket\"");
		this.mvc.perform(operator(post("/after-sales/reviews/" + id + "/ticket")))
			.andExpect(redirectedUrl("/after-sales/tickets/" + ticket));
		assertThat(this.jdbc.sql("SELECT count(*) FROM ticket WHERE source = 'review' AND source_reference = ?")
			.param(Long.toString(id))
			.query(Long.class)
			.single()).isOne();
		assertThat(audits(id, "REVIEW_TICKET_OPENED")).isOne();
		assertThat(openBad()).isEqualTo(openBefore);
	}

	@Test
	void ratingsByProductAndOnTheProductForm() throws Exception {
		create(this.sku, 1, "差", null);
		create(this.sku, 4, "不错", null);
		create(this.sku, 5, "很好", null);
		String products = page(get("/after-sales/reviews/products").param("sort", "bad"));
		assertThat(products).contains("评价页面测试 " + this.sku, "id=\"rating-table\"");
		assertThat(page(get("/after-sales/reviews/products").param("sort", "title").param("page", "-3")))
			.contains("id=\"rating-table\"");
		assertThat(page(get("/after-sales/reviews/products").param("sort", "loudest"))).contains("could not be read");
		assertThat(page(get("/products/" + this.productId))).contains("id=\"product-reviews\"", "3.33",
				"average of 3 reviews, 1 bad");
	}

	@Test
	void theHomeCardCountsOpenBadReviews() throws Exception {
		create(this.sku, 2, "差评", null);
		assertThat(page(get("/"))).contains("Bad reviews without reply or ticket", "/after-sales/reviews?bad=open");
	}

	@Test
	void onlySignedInOperatorsOpenThePages() throws Exception {
		this.mvc.perform(get("/after-sales/reviews")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/after-sales/reviews/new").with(csrf())).andExpect(redirectedUrl("/login"));
		this.mvc.perform(operator(post("/after-sales/reviews/new")).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		for (String role : new String[] { "OPERATOR", "MANAGER", "ADMIN" }) {
			this.mvc.perform(get("/after-sales/reviews/products").with(user("u-" + role).roles(role)))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/after-sales/reviews/999999999").with(user("op").roles("OPERATOR")))
			.andExpect(status().isNotFound());
		this.mvc.perform(operator(post("/after-sales/reviews/999999999/ticket"))).andExpect(status().isNotFound());
		this.mvc
			.perform(get("/after-sales/reviews").with(user("op").roles("OPERATOR")).header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("评价")))
			.andExpect(content().string(not(containsString("??"))));
	}

	private long create(String sku, int rating, String body, String orderNumber) throws Exception {
		MockHttpServletRequestBuilder request = operator(post("/after-sales/reviews/new")).param("sku", sku)
			.param("rating", Integer.toString(rating))
			.param("body", body)
			.param("author", "测试顾客")
			.param("reviewedOn", LocalDate.now().toString());
		if (orderNumber != null) {
			request.param("channel", this.channel).param("orderNumber", orderNumber);
		}
		String location = this.mvc.perform(request)
			.andExpect(redirectedUrlPattern("/after-sales/reviews/*"))
			.andExpect(flash().attribute("message", "reviews.flash.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private long openBad() {
		return this.jdbc.sql("SELECT count(*) FROM review r WHERE " + ReviewQuery.OPEN_BAD).query(Long.class).single();
	}

	private long audits(long id, String action) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE object_type = 'review' AND object_id = ? AND action = ?")
			.param(Long.toString(id))
			.param(action)
			.query(Long.class)
			.single();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		String body = this.mvc.perform(request.with(user("operator-pages").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("??");
		return body;
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("review-operator").roles("OPERATOR")).with(csrf());
	}

}
