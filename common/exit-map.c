/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "exit-map.h"
#include "raserror.h"

const ExitMapEntry exit_map[] = {
    {  0, "EXIT_OK",                 ERROR_DISCONNECTION },
    {  1, "EXIT_FATAL_ERROR",        ERROR_UNKNOWN },
    {  2, "EXIT_OPTION_ERROR",       ERROR_WRONG_INFO_SPECIFIED },
    {  3, "EXIT_NOT_ROOT",           ERROR_ACCESS_DENIED },
    {  4, "EXIT_NO_KERNEL_SUPPORT",  ERROR_DEVICE_DOES_NOT_EXIST },
    {  5, "EXIT_USER_REQUEST",       ERROR_USER_DISCONNECTION },
    {  6, "EXIT_LOCK_FAILED",        ERROR_PORT_NOT_AVAILABLE },   /* "already in use" */
    {  7, "EXIT_OPEN_FAILED",        ERROR_PORT_NOT_AVAILABLE },
    {  8, "EXIT_CONNECT_FAILED",     ERROR_FROM_DEVICE },
    {  9, "EXIT_PTYCMD_FAILED",      ERROR_FROM_DEVICE },
    { 10, "EXIT_NEGOTIATION_FAILED", ERROR_PPP_NOT_CONVERGING },
    { 11, "EXIT_PEER_AUTH_FAILED",   ERROR_AUTHENTICATION_FAILURE },
    { 12, "EXIT_IDLE_TIMEOUT",       ERROR_IDLE_TIMEOUT },
    { 13, "EXIT_CONNECT_TIME",       ERROR_DISCONNECTION },
    { 14, "EXIT_CALLBACK",           ERROR_DISCONNECTION },
    { 15, "EXIT_PEER_DEAD",          ERROR_LINK_FAILURE },
    { 16, "EXIT_HANGUP",             ERROR_REMOTE_DISCONNECTION },
    { 17, "EXIT_LOOPBACK",           ERROR_PPP_LOOPBACK_DETECTED },
    { 18, "EXIT_INIT_FAILED",        ERROR_FROM_DEVICE },
    { 19, "EXIT_AUTH_TOPEER_FAILED", ERROR_AUTHENTICATION_FAILURE },
    { 20, "EXIT_TRAFFIC_LIMIT",      ERROR_DISCONNECTION },
    { 21, "EXIT_CNID_AUTH_FAILED",   ERROR_AUTHENTICATION_FAILURE },
};
const unsigned exit_map_size = sizeof(exit_map) / sizeof(exit_map[0]);

uint32_t ras_error_for_pppd_exit(int status, unsigned saw) {
    if (status == 16 && (saw & PPPD_SAW_AUTH_FAILURE))
        return ERROR_AUTHENTICATION_FAILURE;
    if (status == 16 && !(saw & PPPD_SAW_PEER_TERMINATE))
        return ERROR_LINK_FAILURE;
    for (unsigned i = 0; i < exit_map_size; i++)
        if (exit_map[i].status == status)
            return exit_map[i].ras_error;
    return ERROR_UNKNOWN;
}
