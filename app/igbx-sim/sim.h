/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sim.h - the contract between the parts of the simulated 82576: the platform
 * (launcher, PCI presentation, MMIO traps, DMA, interrupts, wires, control
 * socket), the register model and the RX/TX engines. Nothing here includes a
 * driver header: the simulator is its own reading of the datasheet.
 */
#ifndef IGBX_SIM_H
#define IGBX_SIM_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>

#include "board.h"
#include "regs.h"

#define SIM_MAX_PORTS		8
#define SIM_MAX_VFS		8		/* virtual functions per port */
#define SIM_BAR0_SIZE		(128u * 1024u)	/* 82576 memory BAR 0 */
#define SIM_VF_BAR0_SIZE	(16u * 1024u)	/* a virtual function's BAR 0 */
#define SIM_NUM_QUEUES		16		/* RX and TX queues per port */
#define SIM_MSIX_EITR		25		/* EICR vectors, each with its EITR (7.3.4) */
#define SIM_NVM_WORDS		1024		/* 2 KiB NVM image per port */
#define SIM_MAX_FRAME		16384		/* largest frame a wire carries */
#define SIM_RXFIFO_BYTES	(64u * 1024u)	/* RX packet buffer (RXPBS default) */

/*
 * Register file. The BAR0 memory that the application maps (the sysfs
 * resource0 file) holds every register's current value as a little-endian
 * 32-bit word. Pages that hold queue doorbells (RDT and TDT, both copies)
 * are left mapped read/write in the application and are polled by the
 * device thread; every other page is trapped, so that reads and writes of it
 * reach sim_reg_read()/sim_reg_write() with their side effects. This is the
 * port's own register map, the physical function's (sim_fn_pf in pci.h).
 */
#define SIM_PAGE_OF(off)	((uint32_t)(off) & ~0xfffu)

static inline bool sim_page_is_polled(uint32_t off)
{
	uint32_t page = SIM_PAGE_OF(off);

	return page == SIM_PAGE_OF(SIM_RDT_ALIAS) ||
	       page == SIM_PAGE_OF(SIM_TDT_ALIAS) ||
	       page == SIM_PAGE_OF(SIM_RDT_0) || page == SIM_PAGE_OF(SIM_TDT_0);
}

/* ---- shared device state, by owner ------------------------------------ */
/* PHY and link (phy.c); a device reset leaves it alone. */
struct sim_phy_state {
	uint32_t flags;			/* SIM_PHYF_* (model.h) */
	uint32_t an_deadline_ms;	/* CLOCK_MONOTONIC ms autoneg completes */
	uint32_t an_restarts;		/* autonegotiation restarts (tests) */
	uint32_t link_speed;		/* resolved: 0 10, 1 100, 2 1000 Mb/s */
	bool link_fd;			/* resolved duplex: full */
};

/* Queue register bookkeeping (regs.c), indexed [tx][queue]: the last value
 * of each word of the aliased blocks (queues 0-3), of RXDCTL/TXDCTL and of
 * the head registers, to tell which side changed what.
 */
struct sim_qshadow {
	/* 8-byte aligned: compared 64 bits at a time against the BAR */
	uint32_t block[2][SIM_Q_ALIASED][SIM_Q_BLOCK / 4]
		__attribute__((aligned(8)));
	uint32_t dctl[2][SIM_NUM_QUEUES];
	uint32_t head[2][SIM_NUM_QUEUES];
};

/* TX rate scheduler registers as last seen (ratelim.c). */
struct sim_rate_state {
	uint32_t sel;			/* RTTDQSEL */
	uint32_t last;			/* RTTBCNRC */
	uint32_t factor[SIM_NUM_QUEUES];	/* RTTBCNRC per TX queue */
};

/* Interrupt assertion and moderation of INTx/MSI (intr.c). */
struct sim_itr_state {
	bool asserted;			/* asserted since the last ICR clear */
	bool waiting;			/* a moderated interrupt waits */
	uint64_t next_ns;		/* CLOCK_MONOTONIC ns it may assert */
	/* MSI-X mode: per vector, when EITR(v) lets it send next */
	uint32_t vec_waiting;		/* vectors whose message waits */
	uint64_t vec_next_ns[SIM_MSIX_EITR];
};

/* The IEEE 1588 clock (ptp.c): shared by every process that traps a
 * SYSTIM read.
 */
struct sim_ptp_state {
	uint64_t base_systim;		/* SYSTIM at the base instant */
	uint64_t base_ns;		/* base instant, CLOCK_MONOTONIC ns */
	uint32_t systimh_latch;		/* SYSTIMH as the last SYSTIML read saw */
	uint32_t resets;		/* device resets the clock has seen */
};

/* The register model's state beyond the register file. A device reset
 * clears q, rate and the moderation timer; power-on clears all of it.
 */
struct sim_model_state {
	struct sim_phy_state phy;
	struct sim_itr_state itr;
	struct sim_qshadow q;
	struct sim_rate_state rate;
	struct sim_ptp_state ptp;
};

/* IEEE 802.3x flow control (rx.c sends PAUSE frames, tx.c obeys them). */
struct sim_fc_state {
	bool xoff;			/* XOFF sent, XON not yet */
	uint64_t xoff_ns;		/* when the last XOFF left */
	uint64_t pause_end_ns;		/* received pause ends; 0: none */
	uint64_t pause_resets;		/* reset count it was armed under */
};

/* State only the engines of the device thread use; shared so that any
 * process may run them.
 */
struct sim_engine_state {
	struct sim_fc_state fc;
	uint64_t rate_next_ns[SIM_NUM_QUEUES];	/* paced TX queue may send */
};

/* One virtual function's device state beyond the register file (vf.c):
 * the mailbox bits the device holds and the VF's interrupt registers.
 */
#define SIM_VF_VECTORS		3	/* MSI-X vectors of a VF */
struct sim_vf_state {
	uint32_t mbx;			/* SIM_MBX_* ownership and status bits */
	uint32_t eicr, eims, eiac, eiam;
	uint32_t eitr[SIM_VF_VECTORS];
	uint32_t ivar, ivar_misc;
	uint64_t resets;		/* VTCTRL.RST function level resets */
	/* VFGPRC, VFGPTC, VFGORC, VFGOTC, VFMPRC: wrap, not cleared by reads */
	uint32_t gprc, gptc, gorc, gotc, mprc;
	/* VFGPRLBC, VFGPTLBC, VFGORLBC, VFGOTLBC: through the switch */
	uint32_t gprlbc, gptlbc, gorlbc, gotlbc;
};

/* Per-port state that must be the same in every process attached to the run
 * (primary and secondaries): plain data only, no pointers. Lives in the
 * shared file <run-dir>/portN.state.
 */
struct sim_shared {
	pthread_mutex_t lock;		/* process-shared, robust */
	uint32_t magic;
	uint32_t port_id;
	uint8_t mac[6];			/* permanent address (NVM words 0-2) */
	uint16_t nvm[SIM_NVM_WORDS];
	uint16_t phy[32];		/* PHY page 0 registers */
	uint16_t phy_page;
	bool link_wanted;		/* wire side: cable plugged and peer up */
	bool link_up;			/* what STATUS.LU reports */
	uint32_t eims;			/* extended interrupt mask */
	uint32_t eicr;			/* pending extended causes */
	uint32_t ims;			/* legacy interrupt mask */
	uint32_t icr;			/* pending legacy causes */
	uint32_t irq_enabled;		/* INTx not disabled in config space */
	uint64_t reset_count;		/* device resets seen (tests check it) */
	/* queue state latched at enable time and advanced by the engines */
	struct sim_queue_state {
		uint64_t base;		/* descriptor ring IOVA */
		uint32_t len;		/* ring length in bytes */
		uint32_t head;		/* next descriptor the device uses */
		bool enabled;
	} rxq[SIM_NUM_QUEUES], txq[SIM_NUM_QUEUES];
	/* faults injected from the control socket */
	struct sim_faults {
		bool tx_stall;		/* TX engine stops fetching descriptors */
		uint32_t rx_starve;	/* pretend no RX descriptors are free */
		uint32_t crc_errors;	/* next N received frames carry bad CRC */
	} faults;
	struct sim_model_state model;	/* the register model's bookkeeping */
	struct sim_vf_state vf[SIM_MAX_VFS];	/* virtual functions (vf.c) */
	_Atomic uint32_t irq_seq;	/* interrupts signalled by any process */
	struct sim_engine_state engine;	/* the device thread's engines' */
};

struct sim_port;

/* Where frames leave a port: the other end of its wire. */
enum sim_wire_kind {
	SIM_WIRE_PAIR,		/* port 2k <-> port 2k+1 */
	SIM_WIRE_TAP,		/* Linux TAP interface igbxsN (or named) */
	SIM_WIRE_PCAP,		/* tx to a pcap file, rx from a pcap file */
	SIM_WIRE_NONE,		/* cable unplugged */
};

/* Process-local view of one simulated port. */
struct sim_port {
	unsigned int id;
	volatile uint32_t *bar;		/* this process's own mapping of BAR0 */
	struct sim_shared *sh;		/* shared state */
	bool primary;			/* this process runs the device thread */
	int irq_fd;			/* device end of the /dev/uioN channel, -1 if none */
	int cfg_fd;			/* PCI config space file */
	enum sim_wire_kind wire;
	int tap_fd;
	void *pcap_out, *pcap_in;
	struct sim_port *peer;		/* SIM_WIRE_PAIR */
	struct sim_board board;		/* --board traits (board.h) */
	unsigned int nb_vfs;		/* virtual functions of its device */
	/* RX packet buffer: frames waiting for a free descriptor (model-owned) */
	uint8_t *rxfifo;
	uint32_t rxfifo_used;
	/* device resets the RX packet buffer was last emptied for */
	uint32_t rxfifo_resets;
	/* frames this port put on the wire / took from the wire (for tests) */
	_Atomic uint64_t wire_tx_frames, wire_rx_frames;
};

/* ---- register access (regs.c) ---------------------------------------- */
/* Raw access to the register file without side effects. */
static inline uint32_t sim_reg_peek(const struct sim_port *p, uint32_t off)
{
	return p->bar[off >> 2];
}

static inline void sim_reg_poke(struct sim_port *p, uint32_t off, uint32_t v)
{
	p->bar[off >> 2] = v;
}

/* Statistics counters: add to a counter register (saturating as the
 * datasheet says), safe against a concurrent read-to-clear.
 */
void sim_stat_add(struct sim_port *p, uint32_t off, uint32_t n);
/* 64-bit octet counters split over a low/high register pair. */
void sim_stat_add64(struct sim_port *p, uint32_t off_lo, uint64_t n);

/* A register access from the driver, with its side effects (read-to-clear,
 * self-clearing bits, EERD/MDIC completion, resets, interrupt mask sets...).
 * Called with p->sh->lock held. size is 1, 2 or 4; off is size-aligned.
 */
uint32_t sim_reg_read(struct sim_port *p, uint32_t off, unsigned int size);
void sim_reg_write(struct sim_port *p, uint32_t off, uint32_t val,
		   unsigned int size);

/* Queue registers. Queue q's block is canonically at RDBAL[q] (RX) and
 * TDBAL[q] (TX), SIM_RXQ_REG/SIM_TXQ_REG in regs.h; queues 0-3 also have
 * the alias blocks. The model keeps both copies coherent; engines use these.
 * r is the offset inside the block (SIM_Q_*: BAL, BAH, LEN, SRRCTL, HEAD,
 * TAIL, DCTL, TDWBAL ...).
 */
uint32_t sim_qreg_read(struct sim_port *p, uint32_t canonical_off);
void sim_qreg_write(struct sim_port *p, uint32_t canonical_off, uint32_t v);

/* A virtual function's BAR0 (vf.c): VF vf of port p, the VF register map
 * (datasheet 8.24 / 7.8). Same locking and sizes as sim_reg_read().
 */
uint32_t sim_vf_reg_read(struct sim_port *p, unsigned int vf, uint32_t off,
			 unsigned int size);
void sim_vf_reg_write(struct sim_port *p, unsigned int vf, uint32_t off,
		      uint32_t val, unsigned int size);

/* Power-on state: registers at their defaults, NVM image built, PHY reset. */
void sim_port_power_on(struct sim_port *p);

/* Called by the device thread on every loop with the lock held: keeps the
 * queue register aliases (queues 0-3 at 0x2800/0x3800 and 0xC000/0xE000)
 * coherent, notices queue enable/disable in RXDCTL/TXDCTL, runs timers
 * (autonegotiation completion, link changes). Cheap when nothing changed.
 */
void sim_port_tick(struct sim_port *p);

/* ---- link and interrupts (phy.c, intr.c) ------------------------------ */
/* Wire side of the link (cable plugged/unplugged, peer up/down). */
void sim_link_set(struct sim_port *p, bool up);
/* Raise legacy interrupt causes (ICR bits); maps them to EICR through
 * IVAR_MISC / GPIE and signals the platform when not masked.
 */
void sim_irq_raise(struct sim_port *p, uint32_t icr_bits);
/* Queue causes: RX or TX queue q finished a write-back (IVAR mapping). */
void sim_irq_queue(struct sim_port *p, unsigned int q, bool tx);

/* LEDs (led.c): whether LED 0-3 is asserted (after LEDCTL.IVRT) and blinks. */
#define SIM_LEDS		4
void sim_led_state(const struct sim_port *p, unsigned int led, bool *lit,
		   bool *blink);

/* TX rate scheduler (ratelim.c): queue q's RTTBCNRC (RS_ENA, rate factor). */
uint32_t sim_ratelim_factor(const struct sim_port *p, unsigned int q);

/* ---- engines (rx.c, tx.c, filter.c) ----------------------------------- */
/* A frame arrives from the wire (without FCS). crc_ok false marks a frame
 * that arrived with a bad FCS. Applies filters, RSS, queues it in the RX
 * packet buffer and DMAs it to the host as descriptors allow.
 */
void sim_rx_frame(struct sim_port *p, const uint8_t *frame, uint32_t len,
		  bool crc_ok);
/* Moves frames waiting in the RX packet buffer into free descriptors. */
unsigned int sim_rx_poll(struct sim_port *p);
/* Fetches TX descriptors up to TDT, builds frames (offloads, TSO) and hands
 * them to sim_wire_send(). Returns frames sent.
 */
unsigned int sim_tx_poll(struct sim_port *p);

/* ---- platform (dma.c, wire.c, preload.c) ------------------------------ */
/* Host memory by IOVA (physical address). Returns a pointer valid for len
 * bytes, or NULL when the range is not host memory or crosses a hugepage
 * boundary that is not virtually contiguous; the copy helpers split ranges.
 */
void *sim_dma_ptr(uint64_t iova, uint32_t len);
int sim_dma_read(uint64_t iova, void *dst, uint32_t len);
int sim_dma_write(uint64_t iova, const void *src, uint32_t len);
/* The engines touched [va, va + len) of host memory through a pointer from
 * sim_dma_ptr() (the copy helpers note their own ranges): the benchmark's
 * dma mode evicts those lines from the CPU caches afterwards, as a DMA-ing
 * device leaves them. A no-op unless the calling thread tracks (dma.c).
 */
void sim_dma_note(const volatile void *va, uint32_t len);

/* Put a complete frame (no FCS) on the port's wire. */
void sim_wire_send(struct sim_port *p, const uint8_t *frame, uint32_t len);

/* Tell the application an interrupt is pending (uio channel). */
void sim_platform_signal_irq(struct sim_port *p);
/* MSI-X mode: the messages of the EICR vectors in `vectors`. */
void sim_platform_signal_msix(struct sim_port *p, uint32_t vectors);

/* Logging from the simulator: stderr with an "igbx-sim: " prefix. */
void sim_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The run: all ports of this process. */
extern struct sim_port sim_ports[SIM_MAX_PORTS];
extern unsigned int sim_nb_ports;

#endif /* IGBX_SIM_H */
