/*
 * vmkemu_module.h -- the per-module glue of the vmkemu SDK.
 *
 * Force-included in every translation unit of a driver module (and of a
 * test program that links driver sources) by `pkg-config --cflags vmkemu`
 * (-include vmkemu_module.h).  Drivers never include it themselves.
 *
 * It defines the module's own vmk_ModuleCurrentID.  The public headers
 * declare it `extern const vmk_ModuleID`; ESX fills it in when it loads the
 * module, so vmkemu's loader must be able to write it.  The definition is
 * therefore made in assembly, not in C:
 *   - in a writable section, grouped (COMDAT) and weak, so each translation
 *     unit may carry it and the link keeps exactly one per module;
 *   - hidden, so the module's own references bind to its own copy and never
 *     to another module's or the program's;
 *   - initialised to -1 (VMK_INVALID_MODULE_ID) until a loader binds it;
 *   - with no C initialiser in sight, so the compiler cannot fold the value.
 * A constructor announces its address to libvmkemu (EmuCtl_ModuleGlueAttach):
 * `vmkemu load` / EmuCtl_ModuleLoad set it to the new module's ID before
 * init_module runs, and EmuCtl_Init sets a test program's to the program's
 * module entry.
 *
 * Define VMKEMU_NO_MODULE_GLUE to leave it out (e.g. in a translation unit
 * of libvmkemu itself).  This header includes nothing, so it is safe ahead
 * of any driver source.
 */
#ifndef VMKEMU_MODULE_H
#define VMKEMU_MODULE_H

#if !defined(VMKEMU_NO_MODULE_GLUE) && !defined(__ASSEMBLER__)

__asm__(".pushsection .data.vmk_ModuleCurrentID,\"awG\",@progbits,"
        "vmk_ModuleCurrentID,comdat\n"
        "\t.weak vmk_ModuleCurrentID\n"
        "\t.hidden vmk_ModuleCurrentID\n"
        "\t.type vmk_ModuleCurrentID, @object\n"
        "\t.size vmk_ModuleCurrentID, 4\n"
        "\t.balign 4\n"
        "vmk_ModuleCurrentID:\n"
        "\t.long -1\n"
        "\t.popsection\n");

#ifdef __cplusplus
extern "C" {
#endif

/* Declared with plain types: this header is read before vmkapi.h. */
void EmuCtl_ModuleGlueAttach(int *slot);
extern int vmkemu_module_glue_slot_ __asm__("vmk_ModuleCurrentID")
   __attribute__((visibility("hidden")));

static void __attribute__((constructor, used))
vmkemu_module_glue_attach_(void)
{
   EmuCtl_ModuleGlueAttach(&vmkemu_module_glue_slot_);
}

#ifdef __cplusplus
}
#endif

#endif /* !VMKEMU_NO_MODULE_GLUE */

#endif /* VMKEMU_MODULE_H */
