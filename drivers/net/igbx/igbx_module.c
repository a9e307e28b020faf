/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_module.c: the SFP module's EEPROM (SFF-8079 ID page A0h, SFF-8472 diagnostics A2h)
 * read through the 82576's I2CCMD register, for get_module_info/get_module_eeprom. */
#include <errno.h>

#include <rte_dev_info.h>

#include "igbx_ethdev.h"
#include "igbx_devops.h"

#define IGBX_SFP_PAGE		256u	/* bytes behind one two-wire address */
#define IGBX_SFP_PHYADD_ID	0u	/* A0h: serial ID */
#define IGBX_SFP_PHYADD_DIAG	1u	/* A2h: digital diagnostics */
/* SFF-8472 A0h bytes that say whether A2h exists */
#define IGBX_SFF_IDENTIFIER	0u
#define IGBX_SFF_DIAG_TYPE	92u
#define IGBX_SFF_DIAG_DDM	0x40u	/* diagnostics implemented */
#define IGBX_SFF_DIAG_ADDR_CHG	0x04u	/* A2h only after an address change */
#define IGBX_SFF_8472_COMPLIANCE 94u	/* 0: SFF-8472 not supported */
/* A two-byte read is three address bytes and two data bytes at 100 kHz (under 1 ms); the
 * bound leaves room for a module that stretches the clock. */
#define IGBX_I2C_TIMEOUT_US	10000u

static bool
igbx_module_supported(struct rte_eth_dev *dev)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	if (hw->media != IGBX_MEDIA_COPPER)
		return true;
	IGBX_LOG(ERR, "port %u: device 0x%04x is copper: module EEPROM is only on fiber and SerDes "
		 "ports (an SFP cage)", dev->data->port_id, hw->device_id);
	return false;
}

/* One read transaction: two bytes from reg on, the first in DATA 7:0. Assumes reg < 256 and
 * the I2C interface enabled. */
static int
igbx_i2c_read2(struct igbx_hw *hw, uint32_t phyadd, uint32_t reg, uint8_t out[2])
{
	uint32_t cmd;

	igbx_write(hw, IGBX_I2CCMD, reg << IGBX_I2CCMD_REGADD_SHIFT |
		   phyadd << IGBX_I2CCMD_PHYADD_SHIFT | IGBX_I2CCMD_OP_READ);
	if (igbx_poll_bits(hw, IGBX_I2CCMD, IGBX_I2CCMD_READY, IGBX_I2CCMD_READY,
			   IGBX_I2C_TIMEOUT_US) != 0)
		return -ETIMEDOUT;
	cmd = igbx_read(hw, IGBX_I2CCMD);
	if (cmd & IGBX_I2CCMD_E)
		return -EIO;
	out[0] = (uint8_t)cmd;
	out[1] = (uint8_t)(cmd >> 8);
	return 0;
}

/* Bytes [offset, offset + length) of the module's 512-byte map (A0h then A2h), a word per
 * transaction; CTRL_EXT.I2C_ENA is set for the access and given back as it was. Assumes the
 * range lies within the map. */
static int
igbx_module_read(struct igbx_hw *hw, uint32_t offset, uint32_t length, uint8_t *data)
{
	uint32_t ctrl_ext = igbx_read(hw, IGBX_CTRL_EXT);
	uint32_t pos = offset, end = offset + length;
	int ret = 0;

	igbx_write(hw, IGBX_CTRL_EXT, ctrl_ext | IGBX_CTRL_EXT_I2C_ENA);
	while (pos < end && ret == 0) {
		uint32_t reg = pos % IGBX_SFP_PAGE;
		uint8_t two[2];

		ret = igbx_i2c_read2(hw, pos / IGBX_SFP_PAGE, reg, two);
		if (ret != 0)
			break;
		data[pos++ - offset] = two[0];
		/* the second byte is the next one only within the page */
		if (pos < end && reg + 1 < IGBX_SFP_PAGE)
			data[pos++ - offset] = two[1];
	}
	igbx_write(hw, IGBX_CTRL_EXT, ctrl_ext);
	return ret;
}

/* The module's map length: 512 with the SFF-8472 diagnostics page, 256 without. */
static int
igbx_module_type(struct rte_eth_dev *dev, uint32_t *type, uint32_t *len)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint8_t id, diag[3];
	int ret;

	ret = igbx_module_read(hw, IGBX_SFF_IDENTIFIER, 1, &id);
	if (ret == 0)
		ret = igbx_module_read(hw, IGBX_SFF_DIAG_TYPE, sizeof(diag), diag);
	if (ret != 0) {
		IGBX_LOG(ERR, "port %u: no SFP module answers at A0h (I2CCMD %s)",
			 dev->data->port_id, ret == -EIO ? "error" : "timeout");
		return -EIO;
	}
	if (diag[IGBX_SFF_8472_COMPLIANCE - IGBX_SFF_DIAG_TYPE] != 0 &&
	    (diag[0] & IGBX_SFF_DIAG_DDM) && !(diag[0] & IGBX_SFF_DIAG_ADDR_CHG)) {
		*type = RTE_ETH_MODULE_SFF_8472;
		*len = RTE_ETH_MODULE_SFF_8472_LEN;
	} else {
		*type = RTE_ETH_MODULE_SFF_8079;
		*len = RTE_ETH_MODULE_SFF_8079_LEN;
	}
	IGBX_LOG(DEBUG, "port %u: module identifier 0x%02x, map %u bytes", dev->data->port_id,
		 id, *len);
	return 0;
}

int
igbx_get_module_info(struct rte_eth_dev *dev, struct rte_eth_dev_module_info *modinfo)
{
	uint32_t type, len;
	int ret;

	if (modinfo == NULL) {
		IGBX_LOG(ERR, "modinfo NULL: a struct rte_eth_dev_module_info is required");
		return -EINVAL;
	}
	if (!igbx_module_supported(dev))
		return -ENOTSUP;
	ret = igbx_module_type(dev, &type, &len);
	if (ret != 0)
		return ret;
	modinfo->type = type;
	modinfo->eeprom_len = len;
	return 0;
}

int
igbx_get_module_eeprom(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info)
{
	uint32_t type, len;
	int ret;

	if (info == NULL || info->data == NULL) {
		IGBX_LOG(ERR, "%s NULL: a buffer of length bytes is required",
			 info == NULL ? "info" : "info->data");
		return -EINVAL;
	}
	if (!igbx_module_supported(dev))
		return -ENOTSUP;
	ret = igbx_module_type(dev, &type, &len);
	if (ret != 0)
		return ret;
	if (info->length == 0 || info->offset >= len || info->length > len - info->offset) {
		IGBX_LOG(ERR, "offset %u length %u: allowed length >= 1 and offset + length <= %u "
			 "(the module's map)", info->offset, info->length, len);
		return -EINVAL;
	}
	ret = igbx_module_read(IGBX_DEV_HW(dev), info->offset, info->length, info->data);
	if (ret != 0)
		IGBX_LOG(ERR, "port %u: module read at %u failed (I2CCMD %s)", dev->data->port_id,
			 info->offset, ret == -EIO ? "error" : "timeout");
	return ret == 0 ? 0 : -EIO;
}
