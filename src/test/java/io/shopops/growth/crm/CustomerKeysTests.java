package io.shopops.growth.crm;

import io.shopops.growth.crm.CustomerKeys.Identity;
import io.shopops.growth.crm.CustomerKeys.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dedup rules by hand: which identities a buyer carries, in which order, and how
 * contact details are masked.
 */
class CustomerKeysTests {

	@Test
	void buyerIdComesFirstThenPhoneThenEmail() {
		assertThat(CustomerKeys.identities("TMALL", " tb_wang ", "138 0013 8000", "Wang@Example.COM")).containsExactly(
				new Identity(Kind.BUYER, "TMALL", "tb_wang"), new Identity(Kind.PHONE, "", "13800138000"),
				new Identity(Kind.EMAIL, "", "wang@example.com"));
	}

	@Test
	void aBuyerIdOnlyIdentifiesWithinItsChannel() {
		Identity tmall = CustomerKeys.identities("TMALL", "wang", null, null).get(0);
		Identity jd = CustomerKeys.identities("JD", "wang", null, null).get(0);
		assertThat(tmall).isNotEqualTo(jd);
	}

	@Test
	void phonesAreNormalisedToTheirDigits() {
		assertThat(CustomerKeys.normalisePhone("+86 138-0013-8000")).isEqualTo("13800138000");
		assertThat(CustomerKeys.normalisePhone("0086 13800138000")).isEqualTo("13800138000");
		assertThat(CustomerKeys.normalisePhone("8613800138000")).isEqualTo("13800138000");
		assertThat(CustomerKeys.normalisePhone("(138) 0013 8000")).isEqualTo("13800138000");
		assertThat(CustomerKeys.normalisePhone("+1 415 555 0100")).isEqualTo("+14155550100");
	}

	@Test
	void maskedOrShortContactsNeverIdentify() {
		assertThat(CustomerKeys.normalisePhone("138****8000")).isNull();
		assertThat(CustomerKeys.normalisePhone("12345")).isNull();
		assertThat(CustomerKeys.normalisePhone(null)).isNull();
		assertThat(CustomerKeys.normaliseEmail("w***@example.com")).isNull();
		assertThat(CustomerKeys.normaliseEmail("not-an-email")).isNull();
		assertThat(CustomerKeys.normaliseEmail("a@b@c")).isNull();
		assertThat(CustomerKeys.identities("TMALL", "tb_***", "138****8000", "w***@example.com")).isEmpty();
		assertThat(CustomerKeys.identities("TMALL", "  ", null, null)).isEmpty();
	}

	@Test
	void operatorsSeeMaskedContacts() {
		assertThat(CustomerKeys.maskPhone("13812345678")).isEqualTo("138****5678");
		assertThat(CustomerKeys.maskPhone("138****5678")).isEqualTo("138****5678");
		assertThat(CustomerKeys.maskEmail("zhang@example.com")).isEqualTo("z***@example.com");
		assertThat(CustomerKeys.maskPhone(null)).isNull();
		assertThat(CustomerKeys.maskEmail(null)).isNull();
		assertThat(CustomerKeys.maskPhone("12345")).isEqualTo("***45");
	}

}
