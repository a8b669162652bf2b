package io.shopops.fulfilment.aftersales.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review service against PostgreSQL: clicks on "make a ticket" that arrive together
 * open one ticket, and a ticket's priority follows the stars.
 */
@SpringBootTest
class ReviewServiceIntegrationTests {

	@Autowired
	ReviewService service;

	@Autowired
	JdbcClient jdbc;

	@Test
	void parallelClicksOnMakeATicketOpenOneTicket() throws Exception {
		long review = review(2);
		int clicks = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clicks);
		try {
			Callable<Long> click = () -> {
				start.await();
				return this.service.openTicket(review);
			};
			List<Future<Long>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < clicks; i++) {
				futures.add(pool.submit(click));
			}
			start.countDown();
			java.util.Set<Long> tickets = new java.util.HashSet<>();
			for (Future<Long> future : futures) {
				tickets.add(future.get());
			}
			assertThat(tickets).hasSize(1);
			assertThat(this.jdbc.sql("SELECT count(*) FROM ticket WHERE source = 'review' AND source_reference = ?")
				.param(Long.toString(review))
				.query(Long.class)
				.single()).isOne();
			assertThat(this.jdbc.sql("SELECT priority FROM ticket WHERE id = ?")
				.param(tickets.iterator().next())
				.query(String.class)
				.single()).isEqualToIgnoringCase("high");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aGoodReviewMakesANormalTicket() {
		long ticket = this.service.openTicket(review(4));
		assertThat(this.jdbc.sql("SELECT priority FROM ticket WHERE id = ?").param(ticket).query(String.class).single())
			.isEqualToIgnoringCase("normal");
	}

	private long review(int rating) {
		String sku = ReviewFixtures.unique("RVS");
		ReviewFixtures.product(this.jdbc, sku, sku.toLowerCase(), "并发测试 " + sku);
		ReviewForm form = new ReviewForm();
		form.setSku(sku);
		form.setRating(rating);
		form.setBody("并发测试");
		form.setReviewedOn(LocalDate.now());
		return this.service.create(form, ZoneId.of("Asia/Shanghai"));
	}

}
