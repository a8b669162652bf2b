package io.shopops.growth.coupon;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No coupon has the id asked for.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CouponNotFoundException extends RuntimeException {

	CouponNotFoundException(long id) {
		super("coupon " + id);
	}

}
