/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * phy.c - the simulated 82576's internal copper PHY behind MDIC (datasheet
 * 8.2.4, 8.25), autonegotiation timing, link state, STATUS and LSC.
 */
#include <time.h>

#include "model.h"

/* PHY registers after a PHY reset: autoneg on, 10/100/1000 advertised. */
static const uint16_t sim_phy_defaults[32] = {
	[SIM_PHY_CTRL] = SIM_PHY_CTRL_AN_EN | SIM_PHY_CTRL_FD |
			 SIM_PHY_CTRL_SPEED_MSB,
	[SIM_PHY_STATUS] = 0x7949,	/* 10/100 HD/FD, ext status, AN able */
	[SIM_PHY_ID1] = SIM_PHY_ID >> 16,
	[SIM_PHY_ID2] = SIM_PHY_ID & 0xffff,
	[SIM_PHY_ANAR] = 0x01e1,	/* 10/100 HD/FD, IEEE 802.3 selector */
	[SIM_PHY_GCR] = SIM_PHY_GCR_1000FD | SIM_PHY_GCR_1000HD,
	[SIM_PHY_EXT_STATUS] = 0x3000,	/* 1000BASE-T HD/FD able */
	[SIM_PHY_PORT_CTRL] = 0x1000,	/* automatic MDI/MDI-X */
};

/* A partner with no modelled PHY (TAP, pcap, unpaired) advertises all
 * 10/100/1000 modes and pause, like another 82576 with its defaults.
 */
#define SIM_PARTNER_ANAR	0x05e1u
#define SIM_PARTNER_GCR		(SIM_PHY_GCR_1000FD | SIM_PHY_GCR_1000HD)
#define SIM_ANLPAR_ACK		0x4000u		/* link code word received */

static uint32_t sim_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint32_t)(ts.tv_sec * 1000u + ts.tv_nsec / 1000000);
}

static uint32_t *sim_phy_flags(struct sim_port *p)
{
	return &p->sh->model.phy.flags;
}

/* Autonegotiation starts over: the link drops until it completes (after
 * the board's autonegotiation time).
 */
static void sim_phy_restart_an(struct sim_port *p)
{
	uint32_t an_ms = p->board.an_ms ? p->board.an_ms : SIM_AN_TIME_MS;

	*sim_phy_flags(p) = (*sim_phy_flags(p) & ~SIM_PHYF_AN_DONE) |
			    SIM_PHYF_AN_PENDING;
	p->sh->model.phy.an_deadline_ms = sim_now_ms() + an_ms;
	p->sh->model.phy.an_restarts++;
}

/* phy-reset boards (QEMU's igb): CTRL.RST takes the PHY back to its reset
 * registers too, and that PHY does not negotiate until told to restart:
 * no link until software sets PHY_CTRL.RESTART_AN (or re-enables AN).
 */
void sim_phy_reset_with_mac(struct sim_port *p)
{
	unsigned int i;

	if (!sim_board_has(&p->board, SIM_BOARD_PHY_RST_WITH_MAC))
		return;
	for (i = 0; i < 32; i++)
		p->sh->phy[i] = sim_phy_defaults[i];
	p->sh->phy_page = 0;
	*sim_phy_flags(p) &= ~(SIM_PHYF_AN_DONE | SIM_PHYF_AN_PENDING);
	sim_link_update(p);
}

void sim_phy_reset(struct sim_port *p)
{
	unsigned int i;

	for (i = 0; i < 32; i++)
		p->sh->phy[i] = sim_phy_defaults[i];
	p->sh->phy_page = 0;
	*sim_phy_flags(p) &= ~SIM_PHYF_IN_RESET;
	sim_phy_restart_an(p);
	sim_link_update(p);
}

/* The far end of a wire pair, when it is a simulated port as well. */
static const struct sim_port *sim_phy_peer(const struct sim_port *p)
{
	if (p->wire != SIM_WIRE_PAIR || !p->peer || !p->peer->sh)
		return NULL;
	return p->peer;
}

static bool sim_phy_an_done(const struct sim_port *p)
{
	uint32_t flags = p->sh->model.phy.flags;

	if (flags & SIM_PHYF_AN_DONE)
		return true;
	return (flags & SIM_PHYF_AN_PENDING) &&
	       (int32_t)(sim_now_ms() - p->sh->model.phy.an_deadline_ms) >= 0;
}

/* Whether this PHY drives the wire: out of reset, powered, negotiated. A
 * SerDes port has no copper PHY: its PCS links once the MAC sets CTRL.SLU.
 */
static bool sim_phy_ready(const struct sim_port *p)
{
	uint16_t ctrl = p->sh->phy[SIM_PHY_CTRL];

	if (sim_board_has(&p->board, SIM_BOARD_SERDES))
		return (sim_reg_peek(p, SIM_CTRL) & SIM_CTRL_SLU) != 0;
	if (p->sh->model.phy.flags & SIM_PHYF_IN_RESET)
		return false;
	if (ctrl & (SIM_PHY_CTRL_POWER_DOWN | SIM_PHY_CTRL_ISOLATE))
		return false;
	return !(ctrl & SIM_PHY_CTRL_AN_EN) || sim_phy_an_done(p);
}

/* What a PHY offers: its advertisement, or with autonegotiation off, the
 * one forced mode, in advertisement (ANAR) and 1000BASE-T control bits.
 */
static void sim_phy_offer(const struct sim_port *p, uint16_t *anar,
			  uint16_t *gcr)
{
	uint16_t ctrl;

	if (!p) {
		*anar = SIM_PARTNER_ANAR;
		*gcr = SIM_PARTNER_GCR;
		return;
	}
	ctrl = p->sh->phy[SIM_PHY_CTRL];
	*anar = p->sh->phy[SIM_PHY_ANAR];
	*gcr = p->sh->phy[SIM_PHY_GCR];
	if (ctrl & SIM_PHY_CTRL_AN_EN)
		return;
	*anar = *gcr = 0;
	if (ctrl & SIM_PHY_CTRL_SPEED_MSB)
		*gcr = (ctrl & SIM_PHY_CTRL_FD) ? SIM_PHY_GCR_1000FD :
						  SIM_PHY_GCR_1000HD;
	else if (ctrl & SIM_PHY_CTRL_SPEED_LSB)
		*anar = (ctrl & SIM_PHY_CTRL_FD) ? 0x0100 : 0x0080;
	else
		*anar = (ctrl & SIM_PHY_CTRL_FD) ? 0x0040 : 0x0020;
}

/* What the link partner offers, limited by what the board says it is
 * (partner-100, partner-half).
 */
static void sim_phy_partner_offer(const struct sim_port *p, uint16_t *anar,
				  uint16_t *gcr)
{
	sim_phy_offer(sim_phy_peer(p), anar, gcr);
	if (p->board.partner_anar_mask)
		*anar &= p->board.partner_anar_mask;
	if (p->board.partner_gcr_mask)
		*gcr &= p->board.partner_gcr_mask;
}

/*
 * Resolved speed (0 10, 1 100, 2 1000) and duplex, or -1 when the link cannot
 * come up: the best mode both ends offer (IEEE 802.3 28B.3 priority), or
 * the forced mode of PHY control bits 6/13/8 without autonegotiation.
 */
static int sim_phy_resolve(const struct sim_port *p, bool *fd)
{
	static const struct { uint16_t gcr, anar; int speed; bool fd; } prio[] = {
		{ SIM_PHY_GCR_1000FD, 0, 2, true },
		{ SIM_PHY_GCR_1000HD, 0, 2, false },
		{ 0, 0x0100, 1, true }, { 0, 0x0080, 1, false },
		{ 0, 0x0040, 0, true }, { 0, 0x0020, 0, false },
	};
	uint16_t la, lg, pa, pg;
	unsigned int i;

	if (sim_board_has(&p->board, SIM_BOARD_SERDES)) {
		*fd = true;		/* 1000BASE-X: 1000 Mb/s full duplex */
		return 2;
	}
	sim_phy_offer(p, &la, &lg);
	if (p->sh->phy[SIM_PHY_CTRL] & SIM_PHY_CTRL_LOOPBACK)
		sim_phy_offer(p, &pa, &pg);
	else
		sim_phy_partner_offer(p, &pa, &pg);
	for (i = 0; i < sizeof(prio) / sizeof(prio[0]); i++) {
		if ((lg & pg & prio[i].gcr) || (la & pa & prio[i].anar)) {
			*fd = prio[i].fd;
			return prio[i].speed;
		}
	}
	*fd = false;
	return -1;
}

static bool sim_phy_link_possible(struct sim_port *p, int *speed, bool *fd)
{
	const struct sim_port *peer = sim_phy_peer(p);
	uint16_t ctrl = p->sh->phy[SIM_PHY_CTRL];

	*speed = sim_phy_resolve(p, fd);
	if (!sim_phy_ready(p) || *speed < 0)
		return false;
	if (ctrl & SIM_PHY_CTRL_LOOPBACK)
		return true;
	return p->sh->link_wanted && (!peer || sim_phy_ready(peer));
}

/* STATUS bits of a MAC looped back with a forced link (loopback.c). */
static uint32_t sim_status_loopback(const struct sim_port *p)
{
	uint32_t speed;
	bool fd;

	if (!sim_loopback_link(p, &speed, &fd))
		return 0;
	return SIM_STATUS_LU | speed | (speed << 2) | (fd ? SIM_STATUS_FD : 0);
}

/* STATUS from the link and control state; also kept in the BAR word. */
static uint32_t sim_status_compute(struct sim_port *p)
{
	static const uint32_t speed_bits[3] = {
		0, SIM_STATUS_SPEED_100, SIM_STATUS_SPEED_1000 };
	uint32_t ctrl = sim_reg_peek(p, SIM_CTRL);
	uint32_t v = (sim_lan_id(p) << SIM_STATUS_LAN_ID_SHIFT) |
		     SIM_STATUS_PF_RST_DONE;
	uint32_t speed = p->sh->model.phy.link_speed;

	/* TXOFF belongs to the TX engine (paused by a received PAUSE frame) */
	v |= sim_reg_peek(p, SIM_STATUS) & SIM_STATUS_TXOFF;
	/* GIO master requests stop as soon as software disables them */
	if (!(ctrl & SIM_CTRL_GIO_MASTER_DIS))
		v |= SIM_STATUS_GIO_MASTER_EN;
	if (p->sh->link_up) {
		v |= SIM_STATUS_LU | speed_bits[speed < 3 ? speed : 2] |
		     (speed_bits[speed < 3 ? speed : 2] << 2);
		if (p->sh->model.phy.link_fd)
			v |= SIM_STATUS_FD;
	} else {
		v |= sim_status_loopback(p);
	}
	sim_reg_poke(p, SIM_STATUS, v);
	return v;
}

uint32_t sim_status_read(struct sim_port *p)
{
	sim_link_update(p);
	return sim_status_compute(p);
}

void sim_link_update(struct sim_port *p)
{
	uint32_t *flags = sim_phy_flags(p);
	bool up, fd = false;
	int speed;

	if ((*flags & SIM_PHYF_AN_PENDING) &&
	    (int32_t)(sim_now_ms() - p->sh->model.phy.an_deadline_ms) >= 0)
		*flags = (*flags & ~SIM_PHYF_AN_PENDING) | SIM_PHYF_AN_DONE;
	up = sim_phy_link_possible(p, &speed, &fd);
	if (up) {
		p->sh->model.phy.link_speed = (uint32_t)speed;
		p->sh->model.phy.link_fd = fd;
	}
	if (up == p->sh->link_up)
		return;
	p->sh->link_up = up;
	if (!up)
		*flags |= SIM_PHYF_LINK_LATCH;
	sim_status_compute(p);
	sim_irq_raise(p, SIM_ICR_LSC);
}

void sim_link_set(struct sim_port *p, bool up)
{
	/* a cable plugged into a configured PHY links at once; an unplugged
	 * one drops the link immediately
	 */
	p->sh->link_wanted = up;
	sim_link_update(p);
}

/* CTRL.PHY_RST holds the PHY in reset; releasing it resets the PHY. */
void sim_phy_ctrl_write(struct sim_port *p, uint32_t old, uint32_t val)
{
	if ((val & SIM_CTRL_PHY_RST) && !(old & SIM_CTRL_PHY_RST)) {
		*sim_phy_flags(p) |= SIM_PHYF_IN_RESET;
		sim_link_update(p);
	} else if (!(val & SIM_CTRL_PHY_RST) && (old & SIM_CTRL_PHY_RST)) {
		sim_phy_reset(p);
	} else {
		sim_link_update(p);
	}
}

/* Registers whose value is the link's state rather than stored data. */
static uint16_t sim_phy_read_live(struct sim_port *p, unsigned int reg)
{
	const uint16_t *r = p->sh->phy;
	uint32_t *flags = sim_phy_flags(p);
	bool up = p->sh->link_up, an = *flags & SIM_PHYF_AN_DONE;
	uint32_t speed = p->sh->model.phy.link_speed;
	uint16_t v = 0, pa, pg;

	switch (reg) {
	case SIM_PHY_STATUS:
		v = r[reg];
		/* link status latches low until read (IEEE 802.3 22.2.4.2) */
		if (up && !(*flags & SIM_PHYF_LINK_LATCH))
			v |= SIM_PHY_STATUS_LINK;
		*flags &= ~SIM_PHYF_LINK_LATCH;
		if (an && (r[SIM_PHY_CTRL] & SIM_PHY_CTRL_AN_EN))
			v |= SIM_PHY_STATUS_AN_DONE;
		return v;
	case SIM_PHY_ANLPAR:
		if (!an || !p->sh->link_wanted)
			return 0;
		sim_phy_partner_offer(p, &pa, &pg);
		return pa | SIM_ANLPAR_ACK;
	case SIM_PHY_ANER:
		return an && p->sh->link_wanted ? 0x0001 : 0;
	case SIM_PHY_GSR:
		if (!up)
			return 0;
		sim_phy_partner_offer(p, &pa, &pg);
		/* partner's 1000BASE-T abilities sit two bits higher */
		return (uint16_t)((pg & SIM_PARTNER_GCR) << 2) |
		       SIM_PHY_GSR_LOCAL_RX_OK | SIM_PHY_GSR_REMOTE_RX_OK;
	default:	/* SIM_PHY_PORT_STATUS */
		if (!up)
			return 0;
		v = SIM_PHY_PSTATUS_LINK | SIM_PHY_PSTATUS_AN_DONE;
		if (p->sh->model.phy.link_fd)
			v |= SIM_PHY_PSTATUS_DUPLEX;
		if (speed == 2)
			v |= SIM_PHY_PSTATUS_SPEED_1000;
		else if (speed == 1)
			v |= SIM_PHY_PSTATUS_SPEED_100;
		return v;
	}
}

/* Registers 16-30 are paged: a non-zero page in the page select register
 * reaches registers this model does not have (read 0, writes ignored).
 */
static bool sim_phy_paged_away(const struct sim_port *p, unsigned int reg)
{
	return reg >= 16 && reg != SIM_PHY_PAGE_SELECT &&
	       (p->sh->phy_page & ~0x1fu) != 0;
}

static uint16_t sim_phy_read(struct sim_port *p, unsigned int reg)
{
	sim_link_update(p);
	if (sim_phy_paged_away(p, reg))
		return 0;
	switch (reg) {
	case SIM_PHY_STATUS:
	case SIM_PHY_ANLPAR:
	case SIM_PHY_ANER:
	case SIM_PHY_GSR:
	case SIM_PHY_PORT_STATUS:
		return sim_phy_read_live(p, reg);
	case SIM_PHY_PAGE_SELECT:
		return p->sh->phy_page;
	default:
		return p->sh->phy[reg];
	}
}

static void sim_phy_ctrl_reg_write(struct sim_port *p, uint16_t v)
{
	uint16_t old = p->sh->phy[SIM_PHY_CTRL];

	if (v & SIM_PHY_CTRL_RESET) {
		/* software reset keeps the written mode bits, restarts AN */
		sim_phy_reset(p);
		p->sh->phy[SIM_PHY_CTRL] = v & ~(SIM_PHY_CTRL_RESET |
						 SIM_PHY_CTRL_AN_RESTART);
		sim_link_update(p);
		return;
	}
	p->sh->phy[SIM_PHY_CTRL] = v & ~SIM_PHY_CTRL_AN_RESTART;
	if ((v & SIM_PHY_CTRL_AN_RESTART) ||
	    ((old & SIM_PHY_CTRL_POWER_DOWN) && !(v & SIM_PHY_CTRL_POWER_DOWN)) ||
	    ((v & SIM_PHY_CTRL_AN_EN) && !(old & SIM_PHY_CTRL_AN_EN)))
		sim_phy_restart_an(p);
	sim_link_update(p);
}

static void sim_phy_write(struct sim_port *p, unsigned int reg, uint16_t v)
{
	if (reg == SIM_PHY_PAGE_SELECT) {
		p->sh->phy_page = v;
		return;
	}
	if (sim_phy_paged_away(p, reg))
		return;
	switch (reg) {
	case SIM_PHY_CTRL:
		sim_phy_ctrl_reg_write(p, v);
		break;
	case SIM_PHY_STATUS:
	case SIM_PHY_ID1:
	case SIM_PHY_ID2:
	case SIM_PHY_ANLPAR:
	case SIM_PHY_ANER:
	case SIM_PHY_GSR:
	case SIM_PHY_EXT_STATUS:
	case SIM_PHY_PORT_STATUS:
		break;		/* read only */
	default:
		p->sh->phy[reg] = v;
		break;
	}
}

/* MDIC (8.2.4): the access completes at once; READY, and ERROR when no PHY
 * answers at that address or the opcode is not read or write.
 */
void sim_phy_mdic_write(struct sim_port *p, uint32_t val)
{
	unsigned int phy = (val >> SIM_MDIC_PHY_SHIFT) & 0x1fu;
	unsigned int reg = (val >> SIM_MDIC_REG_SHIFT) & 0x1fu;
	uint32_t op = val & SIM_MDIC_OP_MASK;
	uint32_t res = (val & ~(SIM_MDIC_DATA_MASK | SIM_MDIC_READY |
				SIM_MDIC_ERROR)) | SIM_MDIC_READY;

	if (phy != SIM_PHY_ADDR || sim_board_has(&p->board, SIM_BOARD_SERDES) ||
	    (op != SIM_MDIC_OP_READ && op != SIM_MDIC_OP_WRITE)) {
		res |= SIM_MDIC_ERROR;
	} else if (op == SIM_MDIC_OP_READ) {
		res |= sim_phy_read(p, reg);
	} else {
		sim_phy_write(p, reg, (uint16_t)(val & SIM_MDIC_DATA_MASK));
		res |= val & SIM_MDIC_DATA_MASK;
	}
	sim_reg_poke(p, SIM_MDIC, res);
}

/* PCS_LSTAT (SerDes): link OK, 1000 Mb/s, full duplex, synchronised and
 * autonegotiation complete while the link is up; all clear otherwise.
 */
uint32_t sim_pcs_lstat_read(struct sim_port *p)
{
	sim_link_update(p);
	if (!sim_board_has(&p->board, SIM_BOARD_SERDES) || !p->sh->link_up)
		return 0;
	return SIM_PCS_LSTS_LINK_OK | SIM_PCS_LSTS_SPEED_1000 |
	       SIM_PCS_LSTS_DUPLEX_FULL | SIM_PCS_LSTS_SYNC_OK |
	       SIM_PCS_LSTS_AN_COMPLETE;
}
