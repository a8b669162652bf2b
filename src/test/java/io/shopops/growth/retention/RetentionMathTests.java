package io.shopops.growth.retention;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.shopops.growth.retention.RetentionMath.CohortCell;
import io.shopops.growth.retention.RetentionMath.Contribution;
import io.shopops.growth.retention.RetentionMath.Money;
import io.shopops.growth.retention.RetentionMath.Paid;
import io.shopops.growth.retention.RetentionMath.PeriodCell;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's contribution to the cohorts, periods and gaps, computed by hand.
 */
class RetentionMathTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void bucketsOfDaysBetweenOrders() {
		assertThat(RetentionMath.bucket(0)).isZero();
		assertThat(RetentionMath.bucket(1)).isEqualTo(1);
		assertThat(RetentionMath.bucket(7)).isEqualTo(1);
		assertThat(RetentionMath.bucket(8)).isEqualTo(2);
		assertThat(RetentionMath.bucket(14)).isEqualTo(2);
		assertThat(RetentionMath.bucket(15)).isEqualTo(3);
		assertThat(RetentionMath.bucket(30)).isEqualTo(3);
		assertThat(RetentionMath.bucket(31)).isEqualTo(4);
		assertThat(RetentionMath.bucket(60)).isEqualTo(4);
		assertThat(RetentionMath.bucket(61)).isEqualTo(5);
		assertThat(RetentionMath.bucket(90)).isEqualTo(5);
		assertThat(RetentionMath.bucket(91)).isEqualTo(6);
		assertThat(RetentionMath.bucket(180)).isEqualTo(6);
		assertThat(RetentionMath.bucket(181)).isEqualTo(7);
		assertThat(RetentionMath.bucket(365)).isEqualTo(7);
		assertThat(RetentionMath.bucket(366)).isEqualTo(8);
		assertThat(RetentionMath.bucket(5000)).isEqualTo(8);
		assertThat(RetentionMath.bucketTo(0)).isZero();
		assertThat(RetentionMath.bucketTo(3)).isEqualTo(30);
		assertThat(RetentionMath.bucketTo(8)).isNull();
	}

	@Test
	void aCustomerWithRepeatOrdersAndARefund() {
		// January 10, February 5 and 20, April 1 (local days); 10.00 of the February 5
		// order refunded on March 3
		Contribution c = RetentionMath.of(
				List.of(paid(4, "2014-04-01T10:00:00+08:00", "20.00"), paid(1, "2014-01-10T10:00:00+08:00", "100.00"),
						paid(2, "2014-02-05T10:00:00+08:00", "50.00"), paid(3, "2014-02-20T10:00:00+08:00", "30.00")),
				List.of(new Money(Instant.parse("2014-03-03T02:00:00Z"), new BigDecimal("10.00"))), SHANGHAI);
		assertThat(c.cohort()).isEqualTo(LocalDate.of(2014, 1, 1));
		assertThat(c.cells()).containsExactly(cell("2014-01-01", 0, 1, "100.00", "0"),
				cell("2014-01-01", 1, 1, "80.00", "0"), cell("2014-01-01", 2, 0, "0", "10.00"),
				cell("2014-01-01", 3, 1, "20.00", "0"));
		assertThat(c.periods()).contains(new PeriodCell('M', LocalDate.of(2014, 1, 1), 1, 0),
				new PeriodCell('M', LocalDate.of(2014, 2, 1), 1, 1),
				new PeriodCell('M', LocalDate.of(2014, 4, 1), 1, 0),
				new PeriodCell('Q', LocalDate.of(2014, 1, 1), 1, 1),
				new PeriodCell('Q', LocalDate.of(2014, 4, 1), 1, 0),
				new PeriodCell('Y', LocalDate.of(2014, 1, 1), 1, 1));
		assertThat(c.periods()).hasSize(6);
		// 26 and 15 days (15–30), then 40 days (31–60)
		assertThat(c.gaps()).containsExactly(0, 0, 0, 2, 1, 0, 0, 0, 0);
	}

	@Test
	void monthsAndDaysAreLocalAndMonthsAfterTwelveAreLeftOutOfTheCohort() {
		// 16:30 UTC on January 31 is February 1 in Shanghai
		Contribution b = RetentionMath.of(
				List.of(paid(1, "2014-01-25T12:00:00+08:00", "80.00"), paid(2, "2014-01-31T16:30:00Z", "40.00")),
				List.of(), SHANGHAI);
		assertThat(b.cells()).containsExactly(cell("2014-01-01", 0, 1, "80.00", "0"),
				cell("2014-01-01", 1, 1, "40.00", "0"));
		assertThat(b.gaps()[1]).isEqualTo(1);
		Contribution utc = RetentionMath.of(
				List.of(paid(1, "2014-01-25T12:00:00+08:00", "80.00"), paid(2, "2014-01-31T16:30:00Z", "40.00")),
				List.of(), ZoneId.of("UTC"));
		assertThat(utc.cells()).containsExactly(cell("2014-01-01", 0, 1, "120.00", "0"));

		Contribution d = RetentionMath.of(List.of(paid(1, "2014-02-10T12:00:00+08:00", "200.00"),
				paid(2, "2015-02-10T12:00:00+08:00", "100.00"), paid(3, "2015-03-01T12:00:00+08:00", "10.00")),
				List.of(), SHANGHAI);
		assertThat(d.cells()).containsExactly(cell("2014-02-01", 0, 1, "200.00", "0"),
				cell("2014-02-01", 12, 1, "100.00", "0"));
		assertThat(d.periods()).contains(new PeriodCell('M', LocalDate.of(2015, 3, 1), 1, 0),
				new PeriodCell('Y', LocalDate.of(2015, 1, 1), 1, 1));
		// 365 days (181–365), then 19 days (15–30)
		assertThat(d.gaps()).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 0);
		assertThat(RetentionMath.of(List.of(), List.of(), SHANGHAI).cells()).isEmpty();
	}

	static Paid paid(long id, String at, String amount) {
		return new Paid(id, java.time.OffsetDateTime.parse(at).toInstant(), new BigDecimal(amount));
	}

	static CohortCell cell(String cohort, int offset, int customers, String paid, String refunded) {
		return new CohortCell(LocalDate.parse(cohort), offset, customers, new BigDecimal(paid),
				new BigDecimal(refunded));
	}

}
