package io.shopops.platform.settings;

import org.springframework.data.jpa.repository.JpaRepository;

interface ShopSettingRepository extends JpaRepository<ShopSetting, Short> {

}
