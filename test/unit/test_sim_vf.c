/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_sim_vf.c - the simulated 82576's virtual functions: the VF register
 * map (queues as views of the pool queues, STATUS and statistics from the
 * port), the PF/VF mailbox handshake with its cause and interrupt bits, the
 * PF reset indication and the VF function level reset.
 */
#include <string.h>

#include "sim_fixture.h"
#include "unit.h"

extern unsigned int sim_stub_irqs;	/* platform_stub.h, in sim_fixture.c */

/* Mailbox bits as the datasheet numbers them (7.8.2.x, 8.13). */
#define V2P_REQ		0x01u
#define V2P_ACK		0x02u
#define MBX_VFU		0x04u
#define MBX_PFU		0x08u
#define V2P_PFSTS	0x10u
#define V2P_PFACK	0x20u
#define V2P_RSTI	0x40u
#define V2P_RSTD	0x80u
#define P2V_STS		0x01u
#define P2V_ACK		0x02u
#define P2V_RVFU	0x10u
#define ICR_VMMB	0x100u
#define CTRL_EXT_PFRSTD	0x4000u

/* VF register offsets (8.24) and the PF's per-VF ones. */
#define VTCTRL		0x0000u
#define VTSTATUS	0x0008u
#define VTEICS		0x1520u
#define VTEIMS		0x1524u
#define VTEIMC		0x1528u
#define VTEICR		0x1580u
#define VTIVAR_MISC	0x1740u
#define VF_MBMEM	0x0800u
#define V2PMAILBOX	0x0c40u
#define VFGPRC		0x0f10u
#define VFGOTC		0x0f34u
#define VFGPTC		0x0f14u
#define VFGORC		0x0f18u
#define VFMPRC		0x0f3cu
#define VF_RDBAL(i)	(0x2800u + 0x100u * (i))
#define VF_RDT(i)	(0x2818u + 0x100u * (i))
#define VF_RXDCTL(i)	(0x2828u + 0x100u * (i))
#define VF_TDBAL(i)	(0x3800u + 0x100u * (i))
#define VF_TDWBAL(i)	(0x3838u + 0x100u * (i))
#define P2VMAILBOX(n)	(0x0c00u + 4u * (n))
#define VMBMEM(n, w)	(0x0800u + 64u * (n) + 4u * (w))
#define MBVFICR		0x0c80u
#define MBVFIMR		0x0c84u
#define VFLRE		0x0c88u
#define VFRE		0x0c8cu
#define VFTE		0x0c90u
#define PF_RDBAL(q)	(0xc000u + 0x40u * (q))
#define PF_RDT(q)	(0xc018u + 0x40u * (q))
#define PF_RXDCTL(q)	(0xc028u + 0x40u * (q))
#define PF_TDBAL(q)	(0xe000u + 0x40u * (q))
#define PF_TDWBAL(q)	(0xe038u + 0x40u * (q))

static uint32_t vrd(struct sim_port *p, unsigned int vf, uint32_t off)
{
	return sim_vf_reg_read(p, vf, off, 4);
}

static void vwr(struct sim_port *p, unsigned int vf, uint32_t off, uint32_t v)
{
	sim_vf_reg_write(p, vf, off, v, 4);
}

/* A port with two VFs whose PF driver finished its reset. */
static struct sim_port *vf_port(void)
{
	struct sim_port *p = port_new();

	p->nb_vfs = 2;
	reg_write(p, SIM_CTRL, SIM_CTRL_RST);
	reg_write(p, SIM_CTRL_EXT, reg_read(p, SIM_CTRL_EXT) | CTRL_EXT_PFRSTD);
	vrd(p, 0, V2PMAILBOX);		/* RSTD read, cleared */
	vrd(p, 1, V2PMAILBOX);
	reg_read(p, SIM_ICR);
	return p;
}

/* PF reset: the VFs see RSTI until the PF driver sets PFRSTD, then RSTD
 * once (read to clear).
 */
static void test_pf_reset_handshake(void)
{
	struct sim_port *p = port_new();

	p->nb_vfs = 2;
	reg_write(p, SIM_CTRL, SIM_CTRL_RST);
	UNIT_CHECK_EQ(vrd(p, 0, V2PMAILBOX), V2P_RSTI);
	UNIT_CHECK_EQ(vrd(p, 0, V2PMAILBOX), V2P_RSTI);
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), V2P_RSTI);
	reg_write(p, SIM_CTRL_EXT, reg_read(p, SIM_CTRL_EXT) | CTRL_EXT_PFRSTD);
	UNIT_CHECK_EQ(vrd(p, 0, V2PMAILBOX), V2P_RSTD);
	UNIT_CHECK_EQ(vrd(p, 0, V2PMAILBOX), 0);
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), V2P_RSTD);
	/* PFRSTD still set: a later CTRL_EXT write is no new reset done */
	reg_write(p, SIM_CTRL_EXT, reg_read(p, SIM_CTRL_EXT));
	UNIT_CHECK_EQ(vrd(p, 0, V2PMAILBOX), 0);
	/* the mask of the PF's mailbox interrupt starts with every VF on */
	UNIT_CHECK_EQ(reg_read(p, MBVFIMR), 0xff);
	/* VF numbers beyond the port's VFs are no registers */
	UNIT_CHECK_EQ(vrd(p, 2, V2PMAILBOX), 0xffffffffu);
}

/* VF to PF: lock, write, request; the PF sees VFREQ and ICR.VMMB, takes
 * the message and acknowledges it; PF to VF the same way back.
 */
static void test_mailbox_round_trip(void)
{
	struct sim_port *p = vf_port();

	/* VF takes the buffer; the PF cannot take it meanwhile */
	vwr(p, 1, V2PMAILBOX, MBX_VFU);
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), MBX_VFU);
	reg_write(p, P2VMAILBOX(1), MBX_PFU);
	UNIT_CHECK_EQ(reg_read(p, P2VMAILBOX(1)), MBX_VFU);
	vwr(p, 1, VF_MBMEM, 0x00000001);	/* a RESET message */
	vwr(p, 1, VF_MBMEM + 4, 0xcafe0001);
	/* the PF cannot write the buffer the VF holds */
	reg_write(p, VMBMEM(1, 1), 0xdead);
	UNIT_CHECK_EQ(reg_read(p, VMBMEM(1, 1)), 0xcafe0001);
	/* VF 1's words are VF 1's: VF 0's buffer is untouched */
	UNIT_CHECK_EQ(reg_read(p, VMBMEM(0, 0)), 0);
	UNIT_CHECK_EQ(vrd(p, 0, VF_MBMEM), 0);
	UNIT_CHECK_EQ(reg_read(p, MBVFICR), 0);
	UNIT_CHECK_EQ(p->sh->icr & ICR_VMMB, 0);
	vwr(p, 1, V2PMAILBOX, V2P_REQ);		/* request, buffer released */
	UNIT_CHECK_EQ(reg_read(p, MBVFICR), 1u << 1);
	UNIT_CHECK(p->sh->icr & ICR_VMMB);
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), 0);
	UNIT_CHECK(reg_read(p, SIM_ICR) & ICR_VMMB);
	reg_write(p, MBVFICR, 1u << 1);		/* write 1 to clear */
	UNIT_CHECK_EQ(reg_read(p, MBVFICR), 0);

	/* PF takes the buffer, reads, acks (releasing it) */
	reg_write(p, P2VMAILBOX(1), MBX_PFU);
	UNIT_CHECK_EQ(reg_read(p, P2VMAILBOX(1)), MBX_PFU);
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), MBX_PFU);
	vwr(p, 1, V2PMAILBOX, MBX_VFU);		/* the VF cannot take it now */
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), MBX_PFU);
	UNIT_CHECK_EQ(reg_read(p, VMBMEM(1, 0)), 1);
	UNIT_CHECK_EQ(reg_read(p, VMBMEM(1, 1)), 0xcafe0001);
	reg_write(p, P2VMAILBOX(1), P2V_ACK);
	UNIT_CHECK_EQ(reg_read(p, P2VMAILBOX(1)), 0);
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), V2P_PFACK);
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), 0);	/* PFACK read clears */

	/* PF to VF: reply with ACK in word 0, STS */
	reg_write(p, P2VMAILBOX(1), MBX_PFU);
	reg_write(p, VMBMEM(1, 0), 0x80000001);
	reg_write(p, VMBMEM(1, 1), 0x00211b02);
	reg_write(p, P2VMAILBOX(1), P2V_STS);
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), V2P_PFSTS);
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), 0);
	vwr(p, 1, V2PMAILBOX, MBX_VFU);
	UNIT_CHECK_EQ(vrd(p, 1, VF_MBMEM), 0x80000001);
	UNIT_CHECK_EQ(vrd(p, 1, VF_MBMEM + 4), 0x00211b02);
	reg_read(p, SIM_ICR);
	vwr(p, 1, V2PMAILBOX, V2P_ACK);
	UNIT_CHECK_EQ(reg_read(p, MBVFICR), 1u << 17);	/* VFACK of VF 1 */
	UNIT_CHECK(reg_read(p, SIM_ICR) & ICR_VMMB);

	/* RVFU takes a stuck VF's ownership away */
	vwr(p, 0, V2PMAILBOX, MBX_VFU);
	reg_write(p, P2VMAILBOX(0), P2V_RVFU);
	UNIT_CHECK_EQ(reg_read(p, P2VMAILBOX(0)), 0);
	reg_write(p, P2VMAILBOX(0), MBX_PFU);
	UNIT_CHECK_EQ(reg_read(p, P2VMAILBOX(0)), MBX_PFU);
}

/* MBVFIMR masks a VF's mailbox interrupt, not its cause bits. */
static void test_mailbox_mask(void)
{
	struct sim_port *p = vf_port();

	reg_write(p, SIM_IMS, ICR_VMMB);
	reg_write(p, MBVFIMR, 0x01);
	vwr(p, 1, V2PMAILBOX, V2P_REQ);
	UNIT_CHECK_EQ(reg_read(p, MBVFICR), 1u << 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_ICR) & ICR_VMMB, 0);
	sim_stub_irqs = 0;
	vwr(p, 0, V2PMAILBOX, V2P_REQ);
	UNIT_CHECK_EQ(reg_read(p, MBVFICR), 3);
	UNIT_CHECK_EQ(sim_stub_irqs, 1);	/* unmasked in IMS: asserted */
	UNIT_CHECK(reg_read(p, SIM_ICR) & ICR_VMMB);
}

/* The VF's own interrupt registers, and the mailbox cause it gets through
 * VTIVAR_MISC when the PF writes STS.
 */
static void test_vf_interrupt_regs(void)
{
	struct sim_port *p = vf_port();

	vwr(p, 0, VTIVAR_MISC, 0x80 | 2);
	vwr(p, 0, VTEIMS, 0x5);
	UNIT_CHECK_EQ(vrd(p, 0, VTEIMS), 0x5);
	vwr(p, 0, VTEIMC, 0x1);
	UNIT_CHECK_EQ(vrd(p, 0, VTEIMS), 0x4);
	reg_write(p, P2VMAILBOX(0), MBX_PFU);
	reg_write(p, P2VMAILBOX(0), P2V_STS);
	UNIT_CHECK_EQ(vrd(p, 0, VTEICR), 1u << 2);
	UNIT_CHECK_EQ(vrd(p, 0, VTEICR), 0);	/* read clears */
	UNIT_CHECK_EQ(vrd(p, 1, VTEICR), 0);	/* the other VF's: not */
	vwr(p, 1, VTEICS, 0xff);
	UNIT_CHECK_EQ(vrd(p, 1, VTEICR), 0x7);	/* 3 vectors */
}

/* VF queue i is the port's queue vf + 8 i; STATUS and the statistics are
 * the port's.
 */
static void test_vf_register_map(void)
{
	struct sim_port *p = vf_port();

	vwr(p, 1, VF_RDBAL(0), 0x12340000);
	vwr(p, 1, VF_RDBAL(1), 0x56780000);
	vwr(p, 1, VF_TDBAL(1), 0x9abc0000);
	vwr(p, 1, VF_TDWBAL(0), 0x1001);
	UNIT_CHECK_EQ(reg_read(p, PF_RDBAL(1)), 0x12340000);
	UNIT_CHECK_EQ(reg_read(p, PF_RDBAL(9)), 0x56780000);
	UNIT_CHECK_EQ(reg_read(p, PF_TDBAL(9)), 0x9abc0000);
	UNIT_CHECK_EQ(reg_read(p, PF_TDWBAL(1)), 0x1001);
	UNIT_CHECK_EQ(reg_read(p, PF_RDBAL(0)), 0);
	UNIT_CHECK_EQ(vrd(p, 1, VF_RDBAL(1)), 0x56780000);
	UNIT_CHECK_EQ(vrd(p, 0, VF_RDBAL(1)), 0);
	/* RX blocks have no TDWBAL */
	vwr(p, 1, 0x2838, 0x77);
	UNIT_CHECK_EQ(vrd(p, 1, 0x2838), 0);
	reg_write(p, SIM_STATUS, 0);
	UNIT_CHECK_EQ(vrd(p, 0, VTSTATUS),
		      reg_read(p, SIM_STATUS) & (SIM_STATUS_FD | SIM_STATUS_LU |
						 SIM_STATUS_SPEED_MASK));
	/* pool 1's queues count for VF 1: queue 1 and queue 9 */
	sim_vf_count_rx(p, 9, 100, false);
	sim_vf_count_rx(p, 1, 70, true);
	sim_vf_count_tx(p, 1, 3, 4200);
	sim_vf_count_rx(p, 2, 64, false);	/* the PF's pool */
	UNIT_CHECK_EQ(vrd(p, 1, VFGPRC), 2);
	UNIT_CHECK_EQ(vrd(p, 1, VFGPRC), 2);	/* not cleared by reads */
	UNIT_CHECK_EQ(vrd(p, 1, VFGORC), 170);
	UNIT_CHECK_EQ(vrd(p, 1, VFMPRC), 1);
	UNIT_CHECK_EQ(vrd(p, 1, VFGPTC), 3);
	UNIT_CHECK_EQ(vrd(p, 1, VFGOTC), 4200);
	UNIT_CHECK_EQ(vrd(p, 0, VFGPRC), 0);
	UNIT_CHECK_EQ(sim_vf_reg_read(p, 1, VFGPRC + 1, 1), 0);
	UNIT_CHECK_EQ(sim_vf_reg_read(p, 1, VFGPRC, 1), 2);
}

/* VTCTRL.RST: VFLRE and ICR.VMMB for the PF, the VF's RX/TX enables off,
 * its queues and interrupt registers back to defaults, its mailbox
 * ownership dropped; the other VF untouched.
 */
static void test_vf_flr(void)
{
	struct sim_port *p = vf_port();

	reg_write(p, VFRE, 0xff);
	reg_write(p, VFTE, 0xff);
	vwr(p, 1, VF_RDBAL(0), 0x12340000);
	vwr(p, 1, VF_RXDCTL(0), SIM_DCTL_ENABLE | 0x10);
	vwr(p, 0, VF_RDBAL(0), 0x43210000);
	vwr(p, 1, VTEIMS, 0x7);
	vwr(p, 1, V2PMAILBOX, MBX_VFU);
	vwr(p, 1, VTCTRL, 1u << 26);
	UNIT_CHECK_EQ(reg_read(p, VFLRE), 1u << 1);
	UNIT_CHECK(reg_read(p, SIM_ICR) & ICR_VMMB);
	UNIT_CHECK_EQ(reg_read(p, VFRE), 0xfd);
	UNIT_CHECK_EQ(reg_read(p, VFTE), 0xfd);
	UNIT_CHECK_EQ(reg_read(p, PF_RDBAL(1)), 0);
	UNIT_CHECK_EQ(reg_read(p, PF_RXDCTL(1)) & SIM_DCTL_ENABLE, 0);
	UNIT_CHECK_EQ(reg_read(p, PF_RDBAL(0)), 0x43210000);
	UNIT_CHECK_EQ(vrd(p, 1, VTEIMS), 0);
	UNIT_CHECK_EQ(vrd(p, 1, V2PMAILBOX), 0);
	UNIT_CHECK_EQ(vrd(p, 1, VTCTRL), 0);		/* RST self-clears */
	UNIT_CHECK_EQ(p->sh->vf[1].resets, 1);
	UNIT_CHECK_EQ(p->sh->vf[0].resets, 0);
	reg_write(p, VFLRE, 1u << 1);
	UNIT_CHECK_EQ(reg_read(p, VFLRE), 0);
}

/* The VF doorbell reaches the pool queue's tail, which the device polls. */
static void test_vf_doorbell(void)
{
	struct sim_port *p = vf_port();

	vwr(p, 0, VF_RDT(1), 7);
	UNIT_CHECK_EQ(sim_reg_peek(p, PF_RDT(8)), 7);
	vwr(p, 0, VF_RDT(0), 5);
	/* queue 0 also has its alias block at 0x2818 */
	UNIT_CHECK_EQ(sim_reg_peek(p, PF_RDT(0)), 5);
	UNIT_CHECK_EQ(sim_reg_peek(p, 0x2818), 5);
}

/* VMDq pools on receive (MRQC.MRQE 011b): an exact unicast match goes to
 * the pool RAH.POOLSEL names (its queue), the rest to VT_CTL's default
 * pool; with VFs a pool whose VFRE bit is clear takes nothing.
 */
static void test_rx_pools(void)
{
	static const uint8_t vf_mac[6] = { 0x02, 0, 0, 0, 0, 0x11 };
	static const uint8_t other[6] = { 0x02, 0, 0, 0, 0, 0x22 };
	struct sim_port *p = rx_port();
	uint8_t f[256];
	uint32_t len;

	p->nb_vfs = 2;
	rx_ring(p, 1, SRRCTL_ADV(2));
	rx_ring(p, 2, SRRCTL_ADV(2));
	/* RAR[23]: the VF's address, pool 1; RAR[0] (port_mac): pool 2 */
	reg_write(p, SIM_RAL(23), 0x00000002u);
	reg_write(p, SIM_RAH(23), 0x1100u | SIM_RAH_AV | 1u << (18 + 1));
	reg_write(p, SIM_RAH(0), reg_read(p, SIM_RAH(0)) | 1u << (18 + 2));
	reg_write(p, SIM_VT_CTL, 2u << 7);
	reg_write(p, SIM_MRQC, SIM_MRQC_MRQE_VMDQ);
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_UPE);
	reg_write(p, VFRE, 0x6);

	len = frame_ip4(f, vf_mac, 17, 60, 7);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK(rx_wb(&rxr[1], 0)->staterr & SIM_RXD_STAT_DD);
	UNIT_CHECK(memcmp(rxr[1].buf[0], f, len) == 0);
	UNIT_CHECK_EQ(reg_read(p, SIM_PQGPRC(1)), 1);
	UNIT_CHECK_EQ(vrd(p, 1, VFGPRC), 1);
	UNIT_CHECK_EQ(vrd(p, 1, VFGORC), len + 4);
	len = frame_ip4(f, port_mac, 17, 60, 7);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK(rx_wb(&rxr[2], 0)->staterr & SIM_RXD_STAT_DD);
	/* promiscuous, no RAR: the default pool */
	len = frame_ip4(f, other, 17, 60, 7);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK(rx_wb(&rxr[2], 1)->staterr & SIM_RXD_STAT_DD);
	UNIT_CHECK_EQ(reg_read(p, SIM_PQGPRC(0)), 0);
	/* pool 1's receive off: its frames are dropped */
	reg_write(p, VFRE, 0x4);
	len = frame_ip4(f, vf_mac, 17, 60, 7);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(rx_wb(&rxr[1], 1)->staterr & SIM_RXD_STAT_DD, 0);
	UNIT_CHECK_EQ(reg_read(p, SIM_PQGPRC(1)), 0);	/* read cleared it */
	UNIT_CHECK_EQ(vrd(p, 1, VFGPRC), 1);
	/* no default pool: the unmatched frame is dropped */
	reg_write(p, SIM_VT_CTL, 2u << 7 | 1u << 29);
	len = frame_ip4(f, other, 17, 60, 7);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(rx_wb(&rxr[2], 2)->staterr & SIM_RXD_STAT_DD, 0);
}

/* With VFs, TX queue q sends only while VFTE has pool q mod 8's bit. */
static void test_tx_vfte(void)
{
	struct sim_port *p = port_new();
	uint8_t *b;

	tx_ring(p);
	b = txr.buf[0];
	memset(b, 0, 60);
	p->nb_vfs = 2;
	reg_write(p, VFTE, 0x2);		/* pool 0 (queue 0) off */
	tx_put((uintptr_t)b, LEG_CMD(60), 0);
	UNIT_CHECK_EQ(tx_kick(p), 0);
	UNIT_CHECK_EQ(wire_count, 0);
	reg_write(p, VFTE, 0x3);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK_EQ(wire_count, 1);
	UNIT_CHECK_EQ(sim_vf_reg_read(p, 0, VFGPTC, 4), 1);
	UNIT_CHECK_EQ(sim_vf_reg_read(p, 0, VFGOTC, 4), 60 + 4);	/* with FCS */
}

/* The internal switch: pool 0 (TX queue 0) sends to VF 1's address,
 * which DTXSWC's loopback turns into pool 1's receive, off the wire; an
 * address no pool has goes to the wire; with MAC anti-spoofing a source
 * address not of the sending pool is dropped.
 */
static void test_tx_switch(void)
{
	static const uint8_t vf1_mac[6] = { 0x02, 0, 0, 0, 0, 0x11 };
	static const uint8_t nobody[6] = { 0x02, 0, 0, 0, 0, 0x33 };
	struct sim_port *p = rx_port();
	uint8_t *b;
	uint32_t len;

	p->nb_vfs = 2;
	rx_ring(p, 1, SRRCTL_ADV(2));
	reg_write(p, SIM_RAL(23), 0x00000002u);
	reg_write(p, SIM_RAH(23), 0x1100u | SIM_RAH_AV | 1u << (18 + 1));
	reg_write(p, SIM_RAH(0), reg_read(p, SIM_RAH(0)) | 1u << (18 + 2));
	reg_write(p, SIM_VT_CTL, 2u << 7);
	reg_write(p, SIM_MRQC, SIM_MRQC_MRQE_VMDQ);
	reg_write(p, VFRE, 0xff);
	reg_write(p, VFTE, 0xff);
	tx_ring(p);
	b = txr.buf[0];

	/* loopback off: to the wire */
	len = frame_ip4(b, vf1_mac, 17, 40, 9);
	tx_put((uintptr_t)b, LEG_CMD(len), 0);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK_EQ(wire_count, 1);
	UNIT_CHECK_EQ(rx_wb(&rxr[1], 0)->staterr & SIM_RXD_STAT_DD, 0);

	reg_write(p, SIM_DTXSWC, 1u << 31);
	wire_count = 0;
	tx_put((uintptr_t)b, LEG_CMD(len), 0);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK_EQ(wire_count, 0);
	UNIT_CHECK(rx_wb(&rxr[1], 0)->staterr & SIM_RXD_STAT_DD);
	UNIT_CHECK(memcmp(rxr[1].buf[0], b, len) == 0);
	UNIT_CHECK_EQ(vrd(p, 1, 0x0f40), 1);		/* VFGPRLBC */
	UNIT_CHECK_EQ(vrd(p, 1, 0x0f48), len + 4);	/* VFGORLBC */
	UNIT_CHECK_EQ(vrd(p, 0, 0x0f44), 1);		/* VFGPTLBC */
	UNIT_CHECK_EQ(vrd(p, 0, 0x0f50), len + 4);	/* VFGOTLBC */
	UNIT_CHECK_EQ(vrd(p, 1, VFGPRC), 1);

	len = frame_ip4(b, nobody, 17, 40, 9);
	tx_put((uintptr_t)b, LEG_CMD(len), 0);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK_EQ(wire_count, 1);

	/* anti-spoofing for pool 0: peer_mac is no address of pool 0 */
	reg_write(p, SIM_DTXSWC, 1u << 31 | 1u << 0);
	wire_count = 0;
	tx_put((uintptr_t)b, LEG_CMD(len), 0);
	tx_kick(p);
	UNIT_CHECK_EQ(wire_count, 0);
	reg_write(p, SIM_RAL(22), 0x00211b00);
	reg_write(p, SIM_RAH(22), 0x0200u | SIM_RAH_AV | 1u << 18);
	tx_put((uintptr_t)b, LEG_CMD(len), 0);
	tx_kick(p);
	UNIT_CHECK_EQ(wire_count, 1);
}

int main(void)
{
	UNIT_RUN(test_pf_reset_handshake);
	UNIT_RUN(test_mailbox_round_trip);
	UNIT_RUN(test_mailbox_mask);
	UNIT_RUN(test_vf_interrupt_regs);
	UNIT_RUN(test_vf_register_map);
	UNIT_RUN(test_vf_flr);
	UNIT_RUN(test_vf_doorbell);
	UNIT_RUN(test_rx_pools);
	UNIT_RUN(test_tx_vfte);
	UNIT_RUN(test_tx_switch);
	return unit_report();
}
